package org.requestslakehouse.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.requestslakehouse.config.ParseConfig;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.model.ServiceRequestSerializer;
import org.requestslakehouse.parsing.ParseOutcome;
import org.requestslakehouse.parsing.RequestEventParser;

/**
 * The one exchange every accepted version crosses, from the parser to the silver filter: {@link
 * ServiceRequestSerializer} writing a version to bytes and reading it back, over the parsed real samples.
 */
public class SerializeBenchmark extends OneCoreBenchmark {
    private ServiceRequest[] requests;
    private int next;
    private final DataOutputSerializer out = new DataOutputSerializer(4096);
    private final DataInputDeserializer in = new DataInputDeserializer();

    @Setup
    public void setUp() throws Exception {
        RequestEventParser parser = new RequestEventParser(ParseConfig.defaults());
        List<ServiceRequest> accepted = new ArrayList<>();
        for (RawEvent event : RealRows.asKafkaEvents()) {
            ParseOutcome outcome = parser.parse(event, NOW);
            if (outcome.isAccepted()) {
                accepted.add(outcome.request());
            }
        }
        requests = accepted.toArray(new ServiceRequest[0]);
    }

    @Benchmark
    public int serialize() throws IOException {
        out.clear();
        ServiceRequestSerializer.INSTANCE.serialize(nextRequest(), out);
        return out.length();
    }

    @Benchmark
    public ServiceRequest roundTrip() throws IOException {
        out.clear();
        ServiceRequestSerializer.INSTANCE.serialize(nextRequest(), out);
        in.setBuffer(out.getSharedBuffer(), 0, out.length());
        return ServiceRequestSerializer.INSTANCE.deserialize(in);
    }

    private ServiceRequest nextRequest() {
        ServiceRequest request = requests[next];
        next = next + 1 == requests.length ? 0 : next + 1;
        return request;
    }
}

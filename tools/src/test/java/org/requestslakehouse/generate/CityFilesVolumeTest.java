package org.requestslakehouse.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.requestslakehouse.csv.CsvEvent;
import org.requestslakehouse.csv.EventFileReader;

/**
 * A generated New York or Open311 file, gzip-compressed, reads back through the job's file reader as exactly the
 * rows written, none defective. The default volume keeps CI fast; {@code -Dcities.volume=1000000} is the large
 * run whose CPU times are printed for the docs.
 */
class CityFilesVolumeTest {
    private static final long VOLUME = Long.getLong("cities.volume", 20_000);

    @ParameterizedTest
    @EnumSource(
            value = City.class,
            names = {"NYC", "OPEN311"})
    void everyGeneratedRecordReadsBackAndNoneIsDefective(City city, @TempDir Path dir) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Path file = dir.resolve(city.cliName() + "." + city.extension() + ".gz");

        long cpu = threads.getCurrentThreadCpuTime();
        long written;
        try (OutputStream out = Files.newOutputStream(file)) {
            written =
                    CityFileWriter.write(city, GeneratorSettings.defaults(7), VOLUME, out, true, ProgressListener.NONE);
        }
        double writeSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;

        cpu = threads.getCurrentThreadCpuTime();
        long read = 0;
        long defects = 0;
        try (EventFileReader reader = EventFileReader.open(file)) {
            CsvEvent event;
            while ((event = reader.next()) != null) {
                read++;
                if (event.isDefective()) {
                    defects++;
                }
            }
        }
        double readSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;

        assertThat(written).isEqualTo(VOLUME);
        assertThat(read).isEqualTo(VOLUME);
        assertThat(defects).isZero();
        System.out.printf(
                Locale.ROOT,
                "%s: %,d records, %,d gzip bytes; generated in %.1f CPU s (%,.0f/s), read back in %.1f CPU s"
                        + " (%,.0f/s)%n",
                city.cliName(),
                VOLUME,
                Files.size(file),
                writeSeconds,
                VOLUME / writeSeconds,
                readSeconds,
                VOLUME / readSeconds);
    }
}

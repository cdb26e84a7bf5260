package org.requestslakehouse.bench;

import java.io.PrintStream;

/** What every part of one benchmark run shares: its settings, the broker, the preloaded topic, the console. */
record BenchContext(BenchSettings settings, BrokerProcess broker, String topic, PrintStream console) {}

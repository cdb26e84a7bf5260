package org.requestslakehouse.bench;

import java.io.PrintStream;

/**
 * What every part of one benchmark round shares: its settings, the broker, the preloaded topic, the console, and
 * which round of {@code --repeat} it is (the first is 1).
 */
record BenchContext(BenchSettings settings, BrokerProcess broker, String topic, PrintStream console, int round) {

    /**
     * {@code name} in the first round, {@code name-round-N} after it: for what a part leaves in the broker (a
     * consumer group, a topic), which a later round must not find, or it would resume where the first one ended.
     */
    String perRound(String name) {
        return round == 1 ? name : name + "-round-" + round;
    }
}

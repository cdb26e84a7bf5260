package org.requestslakehouse.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven stamped into the jar manifest, so --version never drifts from the pom. */
public class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "requests-lakehouse " + (v == null ? "(development build)" : v) + " (Flink 1.20.3, Iceberg 1.11.0)"
        };
    }
}

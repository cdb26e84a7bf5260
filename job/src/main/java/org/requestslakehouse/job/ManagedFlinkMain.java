package org.requestslakehouse.job;

/**
 * The MSF application jar's main class before {@link LakehouseJobMain} served every cluster; applications created
 * with this name keep working.
 */
public final class ManagedFlinkMain {
    private ManagedFlinkMain() {}

    public static void main(String[] args) throws Exception {
        LakehouseJobMain.main(args);
    }
}

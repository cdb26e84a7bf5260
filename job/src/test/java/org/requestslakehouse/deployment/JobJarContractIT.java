package org.requestslakehouse.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.job.LakehouseJobMain;

/**
 * The jar the Dockerfile, the FlinkDeployment and compose name is the one this build writes, and it starts the entry
 * class they name: the static deployment tests only see the path as text.
 */
class JobJarContractIT {
    @Test
    void theDeploymentFilesJarIsTheBuiltJobJarWithTheEntryClassAsMainClass() throws Exception {
        Path built = Paths.get(System.getProperty("job.jar"));
        assertThat(DeploymentContract.JOB_JAR).isRegularFile();
        assertThat(Files.isSameFile(DeploymentContract.JOB_JAR, built))
                .as("%s is the job module's shaded jar %s", DeploymentContract.JOB_JAR, built)
                .isTrue();
        try (JarFile jar = new JarFile(built.toFile())) {
            String mainClass = jar.getManifest().getMainAttributes().getValue("Main-Class");
            DeploymentContract.assertEntryClass(mainClass);
            assertThat(jar.getEntry(LakehouseJobMain.class.getName().replace('.', '/') + ".class"))
                    .isNotNull();
        }
    }
}

package mpmbench.loadgen.flags;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code mpmbench load -V}: {@code mpmbench VERSION}, the Maven project version Maven wrote into the
 * jar, as the other commands print it (the load generator does not depend on the server module, so
 * it reads its own {@code pom.properties}).
 */
public final class LoadgenVersion implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        try (InputStream in = LoadgenVersion.class.getResourceAsStream(
                "/META-INF/maven/mpmbench/mpmbench-loadgen/pom.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return new String[] {"mpmbench " + p.getProperty("version", "(version unknown: not run from the built jar)")};
        }
    }
}

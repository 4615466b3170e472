package mpmbench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code -V}/{@code --version} of an mpmbench command: {@code mpmbench VERSION}, the Maven project
 * version that Maven wrote into this module's jar ({@code META-INF/maven/mpmbench/mpmbench-cli/pom.properties}),
 * which every command's shaded jar carries, since every command uses this module. The launcher's
 * {@code mpmbench -V} prints the same from pom.xml. Every command's {@code -V} (serve, ctl, load, merge,
 * suite, report, compare, verify, tables, micro) uses this one.
 */
public final class MpmbenchVersion implements IVersionProvider {

    private static final String POM_PROPERTIES = "/META-INF/maven/mpmbench/mpmbench-cli/pom.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"mpmbench " + version()};
    }

    /** The project version, or a note saying it is unknown (classes run outside the jar, in tests). */
    public static String version() {
        try (InputStream in = MpmbenchVersion.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through to the note
        }
        return "(version unknown: not run from the built jar)";
    }
}

package mpmbench.benchmarks.micro;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.ArrayList;
import java.util.List;

import mpmbench.server.config.ChildJvmDefaults;

/**
 * Starts a helper main of this package in a JVM of its own, as the server starts a child: the java
 * running this JVM ({@code ProcessHandle.current().info().command()}), the server's default child
 * JVM options ({@link ChildJvmDefaults#OPTIONS}) and this JVM's class path.
 */
final class HelperProcess {

    private HelperProcess() {
    }

    static Process start(Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(ChildJvmDefaults.OPTIONS);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd)
                .redirectInput(Redirect.PIPE)
                .redirectOutput(Redirect.PIPE)
                .redirectError(Redirect.INHERIT)
                .start();
    }
}

package mpmbench.server.child;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The pid of this process's parent, from {@code getppid(2)}: when the master dies the kernel gives
 * its children to another parent, so a changed value means "the master is gone". Unlike
 * {@link ProcessHandle#isAlive()}, which reads /proc and so reports a live master as dead while
 * the child is out of file descriptors, it needs no descriptor. Needs {@code --enable-native-access}.
 */
final class ParentProcess {

    private static final MethodHandle GETPPID = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("getppid").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT));

    private ParentProcess() {
    }

    static long pid() {
        try {
            return (int) GETPPID.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("getppid failed", t);
        }
    }
}

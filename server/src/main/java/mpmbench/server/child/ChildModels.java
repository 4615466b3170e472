package mpmbench.server.child;

import java.io.IOException;

import mpmbench.server.mpm.ChildContext;
import mpmbench.server.mpm.ChildModel;
import mpmbench.server.mpm.event.EventChild;
import mpmbench.server.mpm.prefork.PreforkChild;
import mpmbench.server.mpm.virtual.VirtualChild;
import mpmbench.server.mpm.worker.WorkerChild;

/**
 * The one place that knows every model: picks the child's {@link ChildModel} by the name it was
 * started with ({@code --mpm}), as httpd loads the one MPM module its configuration names. The models
 * know only their contract in {@code mpm}, never this class, so a new model is a new package under
 * {@code mpm} and one line here.
 */
final class ChildModels {

    private ChildModels() {
    }

    /** The model {@code ctx.config().mpm()} names, ready to {@link ChildModel#run run} in this child. */
    static ChildModel create(ChildContext ctx) throws IOException {
        return switch (ctx.config().mpm()) {
            case PREFORK -> new PreforkChild(ctx);
            case WORKER -> new WorkerChild(ctx);
            case EVENT -> new EventChild(ctx);
            case VIRTUAL -> new VirtualChild(ctx);
        };
    }
}

/**
 * The child process around a model: {@link mpmbench.server.child.ChildMain} is its entry point (the
 * listening socket inherited as stdin, the scoreboard opened, its slot set READY, the master watched
 * for a quit request, a retirement allowed or its death), {@code ChildModels} the one class that
 * knows every model and picks the one {@code --mpm} names, and {@link
 * mpmbench.server.child.ChildTraining} the training run behind the children's ahead-of-time cache,
 * serving requests on the paths a child uses.
 *
 * <p>The top of the graph: may use {@code mpm} and the models, {@code config}, {@code handler},
 * {@code http} and {@code scoreboard}; nothing uses it ({@code master} starts it by class name). The
 * main thread runs the model; one daemon thread watches the master.
 */
package mpmbench.server.child;

/**
 * The scoreboard, shared memory between the master and every child as httpd's: {@link
 * mpmbench.server.scoreboard.SharedScoreboard} maps a file in /dev/shm ({@code ScoreboardFiles}) with
 * a header, one slot per process ({@code ProcessState}) and one per worker ({@code WorkerStatus},
 * Apache's letters {@code _ S R W K C G .}), request and byte counters, the children's retirement
 * handshake and the master's control word. {@code WorkerSlotObserver} keeps a worker's slot current
 * as the connection loop reports; {@code StatusReport} renders {@code /server-status} from it, in
 * mod_status's text and {@code ?auto} forms.
 *
 * <p>Threading and processes: one writer per field (the master a process slot's pid, generation and
 * quit request; the child its state and counters; a worker thread its own worker slot), except the
 * control word, which {@code mpmbench ctl} sets and the master takes with an atomic exchange. Writes
 * release and reads acquire through VarHandles, so nothing locks across processes. The layout is
 * specified in {@code SharedScoreboard}'s class doc.
 *
 * <p>May use {@code http} for the two interfaces it implements ({@code ConnectionObserver},
 * {@code StatusPage}); nothing else of the server.
 */
package mpmbench.server.scoreboard;

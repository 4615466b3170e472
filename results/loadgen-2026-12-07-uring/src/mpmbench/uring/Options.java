package mpmbench.uring;

/**
 * The client's flags, validated in one place.
 *
 * @param port        nginx's port on 127.0.0.1
 * @param path        the request's path
 * @param connections keep-alive connections (64 as wrk -c64)
 * @param warmupS     seconds run before the measured window (nothing recorded)
 * @param durationS   the measured window, s
 * @param multishot   one multishot recv per connection over a provided-buffer ring (else a recv SQE per
 *                    response, posted with its send)
 * @param setup       {@code plain}, {@code coop} (COOP_TASKRUN), {@code defer}
 *                    (SINGLE_ISSUER | DEFER_TASKRUN) or {@code all} (the three)
 * @param fixedFiles  the sockets registered (IORING_REGISTER_FILES) and named by slot
 * @param regRing     the ring's descriptor registered (IORING_ENTER_REGISTERED_RING)
 * @param minComplete completions each io_uring_enter waits for
 * @param sendCqe     a CQE for every send (else IOSQE_CQE_SKIP_SUCCESS: only failed sends complete)
 */
record Options(int port, String path, int connections, int warmupS, int durationS, boolean multishot,
               String setup, boolean fixedFiles, boolean regRing, int minComplete, boolean sendCqe) {

    static final String USAGE = """
            usage: UringClient [--port 18080] [--path /hello] [-c 64] [--warmup 2] [-d 10]
                               [--mode pair|multishot] [--setup plain|coop|defer|all] [--fixed] [--reg-ring]
                               [--wait N] [--send-cqe]""";

    static Options parse(String[] args) {
        int port = 18080;
        String path = "/hello";
        int c = 64;
        int warmup = 2;
        int d = 10;
        boolean multishot = false;
        String setup = "defer";
        boolean fixed = false;
        boolean regRing = false;
        int wait = 1;
        boolean sendCqe = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--path" -> path = args[++i];
                case "-c" -> c = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "-d" -> d = Integer.parseInt(args[++i]);
                case "--mode" -> multishot = switch (args[++i]) {
                    case "pair" -> false;
                    case "multishot" -> true;
                    default -> throw new IllegalArgumentException("--mode pair|multishot");
                };
                case "--setup" -> setup = args[++i];
                case "--fixed" -> fixed = true;
                case "--reg-ring" -> regRing = true;
                case "--wait" -> wait = Integer.parseInt(args[++i]);
                case "--send-cqe" -> sendCqe = true;
                default -> throw new IllegalArgumentException("unknown flag " + a + "\n" + USAGE);
            }
        }
        if (!setup.equals("plain") && !setup.equals("coop") && !setup.equals("defer") && !setup.equals("all")) {
            throw new IllegalArgumentException("--setup plain|coop|defer|all");
        }
        if (c < 1 || wait < 1 || wait > c || d < 1 || warmup < 0) {
            throw new IllegalArgumentException("need c >= 1, 1 <= wait <= c, d >= 1, warmup >= 0");
        }
        return new Options(port, path, c, warmup, d, multishot, setup, fixed, regRing, wait, sendCqe);
    }

    int setupFlags() {
        return switch (setup) {
            case "coop" -> Uring.SETUP_COOP_TASKRUN;
            case "defer" -> Uring.SETUP_SINGLE_ISSUER | Uring.SETUP_DEFER_TASKRUN;
            case "all" -> Uring.SETUP_SINGLE_ISSUER | Uring.SETUP_DEFER_TASKRUN | Uring.SETUP_COOP_TASKRUN;
            default -> 0;
        };
    }

    String variant() {
        return (multishot ? "multishot" : "pair") + "/" + setup + (fixedFiles ? "/fixed" : "")
                + (regRing ? "/regring" : "") + (minComplete > 1 ? "/wait" + minComplete : "")
                + (sendCqe ? "/sendcqe" : "");
    }
}

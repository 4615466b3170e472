package mpmbench.loadgen.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.function.Consumer;

/**
 * The portable {@link Poller}: one {@link Selector} ({@link SelectorWait}'s waits, {@link NativeTimer}'s ns
 * timeouts where it can), a {@link SelectionKey} per connection attached to it, and {@link DeferredCloses}
 * so that a channel is closed only after the select that deregistered it. Owned by one loop thread.
 */
final class NioPoller implements Poller {

    private final Selector selector;
    private final SelectorWait wait;
    private final Ready ready;
    private final DeferredCloses closes = new DeferredCloses();
    private final Consumer<SelectionKey> onKey = this::onKey;

    /**
     * Opens the selector; call from the loop's thread (the timer's slack is the calling thread's).
     *
     * @param spinNs how long before a precise deadline the wait spins, ns
     */
    NioPoller(long spinNs, Ready ready) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        this.wait = new SelectorWait(selector, spinNs);
        this.ready = ready;
    }

    @Override
    public String name() {
        return "nio";
    }

    @Override
    public boolean nanosecondTimer() {
        return wait.nanosecondTimer();
    }

    @Override
    public boolean connect(Connection c, InetSocketAddress to, InetSocketAddress from) throws IOException {
        boolean done = c.openChannel(to, from);
        register(c, done ? READ : CONNECT);
        return done;
    }

    @Override
    public boolean finishConnect(Connection c) throws IOException {
        return c.channel.finishConnect();
    }

    @Override
    public void register(Connection c, int ops) throws IOException {
        c.key = c.channel.register(selector, ops, c);
    }

    @Override
    public void interest(Connection c, int ops) {
        c.key.interestOps(ops);
    }

    @Override
    public void release(Connection c) {
        if (c.key != null) {
            c.key.cancel();
            c.key = null;
        }
        closes.add(c.channel);
    }

    @Override
    public void await(long coarseNs, long preciseNs) throws IOException {
        int cancelled = closes.size();
        wait.await(coarseNs, preciseNs, onKey);
        closes.closeFirst(cancelled); // deregistered by the select that just ran
    }

    private void onKey(SelectionKey key) {
        Connection c = (Connection) key.attachment();
        if (c.key != key || !key.isValid()) {
            return; // closed (and maybe reopened) earlier in this select
        }
        ready.ready(c, key.readyOps());
    }

    @Override
    public void close() {
        wait.close();
        try {
            selector.close();
        } catch (IOException ignored) {
            // nothing left to do with it
        }
        closes.closeAll();
    }
}

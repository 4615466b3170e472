package mpmbench.server.master;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The master's children by scoreboard slot, like httpd's {@code ap_scoreboard_image->parent}: a slot
 * holds one child from its spawn until the master reaps it. Used by the master's loop thread only.
 */
final class ChildTable {

    private final ChildProcess[] slots;

    /** @param size the scoreboard's process slots */
    ChildTable(int size) {
        this.slots = new ChildProcess[size];
    }

    /** The lowest free slot, or -1 when every slot holds a child. */
    int freeSlot() {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == null) {
                return i;
            }
        }
        return -1;
    }

    void put(ChildProcess c) {
        slots[c.slot] = c;
    }

    void remove(ChildProcess c) {
        slots[c.slot] = null;
    }

    /** Every child the table holds, in slot order (a copy: the caller may change the table meanwhile). */
    List<ChildProcess> all() {
        return matching(c -> true);
    }

    List<ChildProcess> matching(Predicate<ChildProcess> p) {
        List<ChildProcess> out = new ArrayList<>();
        for (ChildProcess c : slots) {
            if (c != null && p.test(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Children alive and not asked to stop. */
    int serving() {
        int n = 0;
        for (ChildProcess c : slots) {
            n += c != null && c.serving() ? 1 : 0;
        }
        return n;
    }

    boolean isEmpty() {
        for (ChildProcess c : slots) {
            if (c != null) {
                return false;
            }
        }
        return true;
    }
}

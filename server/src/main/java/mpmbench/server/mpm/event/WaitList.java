package mpmbench.server.mpm.event;

/**
 * Connections waiting in the selector for their next request, oldest deadline first. Every
 * connection of one list waits with the same timeout, so appending keeps the order. Used by the
 * selector thread only.
 */
final class WaitList {

    private EventConnection head;
    private EventConnection tail;
    private int size;

    void add(EventConnection c, long deadlineNanos) {
        c.deadlineNanos = deadlineNanos;
        c.list = this;
        c.prev = tail;
        c.next = null;
        if (tail == null) {
            head = c;
        } else {
            tail.next = c;
        }
        tail = c;
        size++;
    }

    /** Removes {@code c} if it waits in this list; a no-op otherwise. */
    void remove(EventConnection c) {
        if (c.list != this) {
            return;
        }
        if (c.prev == null) {
            head = c.next;
        } else {
            c.prev.next = c.next;
        }
        if (c.next == null) {
            tail = c.prev;
        } else {
            c.next.prev = c.prev;
        }
        c.prev = null;
        c.next = null;
        c.list = null;
        size--;
    }

    /** Brings every deadline later than {@code deadlineNanos} forward to it; the order stays. */
    void capDeadlines(long deadlineNanos) {
        for (EventConnection c = head; c != null; c = c.next) {
            if (c.deadlineNanos - deadlineNanos > 0) {
                c.deadlineNanos = deadlineNanos;
            }
        }
    }

    /** The connection with the nearest deadline, or null. */
    EventConnection first() {
        return head;
    }

    int size() {
        return size;
    }
}

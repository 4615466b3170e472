/**
 * The worker model: a listener thread and ThreadsPerChild worker threads per child, as httpd's
 * mpm_worker; the listener accepts only while one of its workers is idle, so a busy process leaves new
 * connections in the shared queue for the others, and hands each connection to a worker, which serves
 * it to its end (keep-alive waits included). May use {@code mpm}, {@code config} and
 * {@code scoreboard}.
 */
package mpmbench.server.mpm.worker;

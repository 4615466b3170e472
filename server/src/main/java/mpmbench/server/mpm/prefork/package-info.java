/**
 * The prefork model: the child's one thread accepts a connection, serves it to its end and accepts
 * the next, as httpd's mpm_prefork does; concurrency comes from the number of child processes, which
 * the master keeps between MinSpareServers and MaxSpareServers. May use {@code mpm} and
 * {@code scoreboard}.
 */
package mpmbench.server.mpm.prefork;

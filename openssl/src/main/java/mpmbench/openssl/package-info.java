/**
 * OpenSSL through the FFM API ({@code LibSsl}): the C functions of the system's {@code libssl.so.3}
 * that the load generator's TLS client and the server's TLS engine call, bound once for both. No JNI,
 * no library of ours; whether OpenSSL can be used here is a value ({@code LibSsl.unavailable()}), never
 * an exception at class loading.
 *
 * <p>May use no other package of the project.
 */
package mpmbench.openssl;

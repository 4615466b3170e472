package mpmbench.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every refused value or combination gives exactly one line naming the directive. */
class ConfigValidationTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # model  | --set overrides, ';'-separated                     | exact message
            worker   | ThreadsPerChild=abc                                 | --set: ThreadsPerChild abc: must be an integer from 1 to ThreadLimit
            worker   | MaxConnectionsPerChild=-1                           | --set: MaxConnectionsPerChild -1: must be an integer of at least 0
            worker   | ListenBacklog=0                                     | --set: ListenBacklog 0: must be an integer of at least 1
            event    | AsyncRequestWorkerFactor=0                          | --set: AsyncRequestWorkerFactor 0: must be a number above 0 (e.g. 2 or 1.5)
            event    | AsyncRequestWorkerFactor=NaN                        | --set: AsyncRequestWorkerFactor NaN: must be a number above 0 (e.g. 2 or 1.5)
            prefork  | KeepAlive=yes                                       | --set: KeepAlive yes: must be On or Off
            prefork  | KeepAliveTimeout=0                                  | --set: KeepAliveTimeout 0: must be seconds (e.g. 5 or 0.5) or milliseconds with an ms suffix (e.g. 500ms), above 0
            prefork  | Timeout=-1                                          | --set: Timeout -1: must be seconds (e.g. 5 or 0.5) or milliseconds with an ms suffix (e.g. 500ms), above 0
            prefork  | Timeout=5s                                          | --set: Timeout 5s: must be seconds (e.g. 5 or 0.5) or milliseconds with an ms suffix (e.g. 500ms), above 0
            prefork  | GracefulShutdownTimeout=-1                          | --set: GracefulShutdownTimeout -1: must be seconds (e.g. 5 or 0.5) or milliseconds with an ms suffix (e.g. 500ms), 0 or more
            prefork  | MaxKeepAliveRequests=-1                             | --set: MaxKeepAliveRequests -1: must be an integer of at least 0
            prefork  | LimitRequestLine=10                                 | --set: LimitRequestLine 10: must be an integer of at least 64
            prefork  | LimitRequestFields=0                                | --set: LimitRequestFields 0: must be an integer from 1 to 32767
            prefork  | LimitRequestBody=2147483648                         | --set: LimitRequestBody 2147483648: must be an integer from 0 to 2147483647
            prefork  | Listen=65536                                        | --set: Listen 65536: must be PORT or HOST:PORT with PORT 0..65535 and HOST a loopback or wildcard address (127.0.0.1, localhost, 0.0.0.0, [::1], [::]), optionally followed by http or https
            prefork  | Listen=192.168.1.1:80                               | --set: Listen 192.168.1.1:80: must be PORT or HOST:PORT with PORT 0..65535 and HOST a loopback or wildcard address (127.0.0.1, localhost, 0.0.0.0, [::1], [::]), optionally followed by http or https
            prefork  | Listen=example.com:80                               | --set: Listen example.com:80: must be PORT or HOST:PORT with PORT 0..65535 and HOST a loopback or wildcard address (127.0.0.1, localhost, 0.0.0.0, [::1], [::]), optionally followed by http or https
            prefork  | StartServers=                                       | --set: StartServers '': must be an integer of at least 1
            prefork  | ThreadsPerChild=x                                   | --set: ThreadsPerChild x: must be an integer from 1 to ThreadLimit
            prefork  | StartServers                                        | --set StartServers: expected Directive=value, e.g. ThreadsPerChild=25
            prefork  | NoSuchThing=1                                       | --set NoSuchThing=1: unknown directive 'NoSuchThing'
            event    | MpmbenchPlantCpu=-1                                 | --set: MpmbenchPlantCpu -1: must be an integer from 0 to 1000000000
            event    | MpmbenchPlantCpu=1e3                                | --set: MpmbenchPlantCpu 1e3: must be an integer from 0 to 1000000000
            prefork  | Listen=8443 spdy                                    | --set: Listen 8443 spdy: must be PORT or HOST:PORT with PORT 0..65535 and HOST a loopback or wildcard address (127.0.0.1, localhost, 0.0.0.0, [::1], [::]), optionally followed by http or https
            event    | Listen=8443 https                                   | --set: Listen 127.0.0.1:8443 https: https needs SSLEngine on (with SSLCertificateFile and SSLCertificateKeyFile)
            worker   | SSLEngine=on                                        | --set: SSLEngine on: SSLCertificateFile is not set (a PEM certificate; its key in it or in SSLCertificateKeyFile)
            worker   | SSLEngine=optional                                  | --set: SSLEngine optional: must be On or Off
            virtual  | SSLProtocol=+TLSv1.1                                | --set: SSLProtocol +TLSv1.1: must be a list of all, TLSv1.2, TLSv1.3, each with an optional + or - (-SSLv3, -TLSv1, -TLSv1.1 accepted: JSSE serves none of them), leaving at least one
            virtual  | SSLProtocol=all -TLSv1.2 -TLSv1.3                   | --set: SSLProtocol all -TLSv1.2 -TLSv1.3: must be a list of all, TLSv1.2, TLSv1.3, each with an optional + or - (-SSLv3, -TLSv1, -TLSv1.1 accepted: JSSE serves none of them), leaving at least one
            prefork  | SSLCipherSuite=HIGH:!aNULL:RC4-SHA                  | --set: SSLCipherSuite HIGH:!aNULL:RC4-SHA: 'RC4-SHA' has no JSSE equivalent; each ':'-separated item must be an OpenSSL suite JSSE has (e.g. ECDHE-RSA-AES128-GCM-SHA256), an IANA name (TLS_...), DEFAULT, HIGH, or !X for what JSSE never enables (!aNULL, !MD5, !RC4, ...)
            prefork  | SSLCipherSuite=@SECLEVEL=2                          | --set: SSLCipherSuite @SECLEVEL=2: '@SECLEVEL=2' has no JSSE equivalent; each ':'-separated item must be an OpenSSL suite JSSE has (e.g. ECDHE-RSA-AES128-GCM-SHA256), an IANA name (TLS_...), DEFAULT, HIGH, or !X for what JSSE never enables (!aNULL, !MD5, !RC4, ...)
            prefork  | SSLSessionCache=memcache:127.0.0.1:11211            | --set: SSLSessionCache memcache:127.0.0.1:11211: must be none, nonenotnull, shmcb:PATH[(SIZE)], shm:PATH[(SIZE)] or dbm:PATH (each child JVM keeps its own cache)
            """)
    void refusedWithOneLine(String model, String sets, String message) {
        ConfigLoader loader = ConfigLoader.forModel(Mpm.parse(model));
        for (String s : sets.split(";")) {
            loader.set(s.strip());
        }
        ConfigException e = assertThrows(ConfigException.class, loader::load);
        assertEquals(message, e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        String name = sets.split("[=;]")[0].strip();
        assertTrue(e.getMessage().contains(name), "names the directive " + name);
        assertEquals(0, e.getStackTrace().length, "the CLI prints the line, never a trace");
    }

    /** httpd's MPMs correct these counts and warn (prefork.c, worker.c, event.c check_config): so do we. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # model | --set                  | directive          | becomes | httpd's warning (the first one)
            worker  | ThreadsPerChild=0      | ThreadsPerChild    | 1       | --set: ThreadsPerChild of 0 not allowed, increasing to 1.
            event   | ThreadsPerChild=65     | ThreadsPerChild    | 64      | --set: ThreadsPerChild of 65 exceeds ThreadLimit of 64 threads, decreasing to 64. To increase, please see the ThreadLimit directive.
            worker  | ThreadLimit=0          | ThreadLimit        | 1       | --set: ThreadLimit of 0 not allowed, increasing to 1.
            worker  | ThreadLimit=30000      | ThreadLimit        | 20000   | --set: ThreadLimit of 30000 exceeds compile-time limit of 20000 threads, decreasing to 20000.
            prefork | StartServers=0         | StartServers       | 1       | --set: StartServers of 0 not allowed, increasing to 1.
            prefork | StartServers=300       | StartServers       | 256     | --set: StartServers of 300 exceeds the 256 servers MaxRequestWorkers allows, decreasing to 256, as httpd does at start.
            prefork | MinSpareServers=0      | MinSpareServers    | 1       | --set: MinSpareServers of 0 not allowed, increasing to 1.
            prefork | MaxRequestWorkers=300  | MaxRequestWorkers  | 256     | --set: MaxRequestWorkers of 300 exceeds ServerLimit value of 256 servers, decreasing MaxRequestWorkers to 256. To increase, please see the ServerLimit directive.
            worker  | MaxRequestWorkers=500  | MaxRequestWorkers  | 400     | --set: MaxRequestWorkers of 500 would require 20 servers and would exceed ServerLimit of 16, decreasing to 400. To increase, please see the ServerLimit directive.
            event   | MaxRequestWorkers=10   | MaxRequestWorkers  | 25      | --set: MaxRequestWorkers of 10 is less than ThreadsPerChild of 25, increasing to 25. MaxRequestWorkers must be at least as large as the number of threads in a single server.
            event   | MaxRequestWorkers=-3   | MaxRequestWorkers  | 25      | --set: MaxRequestWorkers of -3 is less than ThreadsPerChild of 25, increasing to 25. MaxRequestWorkers must be at least as large as the number of threads in a single server.
            virtual | MaxRequestWorkers=0    | MaxRequestWorkers  | 1       | --set: MaxRequestWorkers of 0 not allowed, increasing to 1.
            worker  | ServerLimit=200001     | ServerLimit        | 20000   | --set: ServerLimit of 200001 exceeds compile-time limit of 20000 servers, decreasing to 20000.
            prefork | ServerLimit=200001     | ServerLimit        | 200000  | --set: ServerLimit of 200001 exceeds compile-time limit of 200000 servers, decreasing to 200000.
            worker  | MinSpareThreads=0      | MinSpareThreads    | 1       | --set: MinSpareThreads of 0 not allowed, increasing to 1.
            """)
    void correctedWithHttpdsWarning(String model, String set, String directive, String value, String warning) {
        LoadedConfig loaded = ConfigLoader.forModel(Mpm.parse(model)).set(set).load();
        Directive d = Directive.lookup(directive).orElseThrow();
        assertEquals(value, d.formatValueIn(loaded.config()));
        assertEquals(warning, loaded.warnings().getFirst());
        assertTrue(loaded.describe().stream().anyMatch(l -> l.startsWith(directive + " " + value + " (--set; ")),
                "--print-config shows the corrected value and why: " + loaded.describe());
    }

    @Test
    void correctionsFollowHttpdsOrder() {
        // ThreadsPerChild is lowered to ThreadLimit first, then MaxRequestWorkers to a multiple of it.
        LoadedConfig loaded = ConfigLoader.forModel(Mpm.EVENT).set("ThreadsPerChild=65").load();
        assertEquals(List.of(
                "--set: ThreadsPerChild of 65 exceeds ThreadLimit of 64 threads, decreasing to 64. To increase, please"
                        + " see the ThreadLimit directive.",
                "MaxRequestWorkers of 400 is not an integer multiple of ThreadsPerChild of 64, decreasing to nearest"
                        + " multiple 384, for a maximum of 6 servers."), loaded.warnings());
        assertEquals(384, loaded.config().maxRequestWorkers());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ThreadsPerChild 1 2        | cfg:2: ThreadsPerChild takes one argument, got 2
            Timeout 5 # trailing note  | cfg:2: Timeout takes one argument, got 4
            KeepAlive                  | cfg:2: KeepAlive takes one argument, got 0
            Timeout 1e3                | cfg:2: Timeout 1e3: must be seconds (e.g. 5 or 0.5) or milliseconds with an ms suffix (e.g. 500ms), above 0
            """)
    void fileValueErrorsNameFileAndLine(String line, String message) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.forModel(Mpm.EVENT).fileText("cfg", "# first\n" + line + "\n").load());
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            KeepAliveTimeout=0.5     | 500
            KeepAliveTimeout=500ms   | 500
            KeepAliveTimeout=500 MS  | 500
            KeepAliveTimeout=15      | 15000
            KeepAliveTimeout=0.0004  | 0
            KeepAliveTimeout=.25     | 250
            """)
    void durationsInSecondsOrMilliseconds(String set, long ms) {
        if (ms == 0) {
            // rounds to 0 ms, which is below the minimum: refused rather than silently 1 ms
            assertThrows(ConfigException.class, () -> ConfigLoader.forModel(Mpm.EVENT).set(set).load());
            return;
        }
        assertEquals(ms, ConfigLoader.forModel(Mpm.EVENT).set(set).load().config().timeouts().keepAliveTimeoutMs());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            8081               | 127.0.0.1 | 8081
            localhost:0        | localhost | 0
            LOCALHOST:80       | localhost | 80
            0.0.0.0:8080       | 0.0.0.0   | 8080
            [::1]:8080         | ::1       | 8080
            [::]:1             | ::        | 1
            127.0.0.2:9        | 127.0.0.2 | 9
            """)
    void listenForms(String value, String host, int port) {
        ServerConfig c = ConfigLoader.forModel(Mpm.PREFORK).set("Listen=" + value).load().config();
        assertEquals(List.of(host, port), List.of(c.listenHost(), c.listenPort()));
    }
}

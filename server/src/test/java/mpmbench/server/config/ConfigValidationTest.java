package mpmbench.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every refused value or combination gives exactly one line naming the directive. */
class ConfigValidationTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # model  | --set overrides, ';'-separated                     | exact message
            worker   | ThreadsPerChild=0                                   | --set: ThreadsPerChild 0: must be an integer from 1 to ThreadLimit (64)
            event    | ThreadsPerChild=65                                  | --set: ThreadsPerChild 65: must be an integer from 1 to ThreadLimit (64)
            worker   | ThreadsPerChild=abc                                 | --set: ThreadsPerChild abc: must be an integer from 1 to ThreadLimit
            worker   | ThreadLimit=0                                       | --set: ThreadLimit 0: must be an integer from 1 to 100000
            prefork  | StartServers=0                                      | --set: StartServers 0: must be an integer of at least 1
            prefork  | StartServers=300                                    | --set: StartServers 300: must be at most ServerLimit (256)
            prefork  | MinSpareServers=0                                   | --set: MinSpareServers 0: must be an integer of at least 1
            prefork  | MaxRequestWorkers=300                               | --set: MaxRequestWorkers 300: must be at most ServerLimit (256); raise ServerLimit
            worker   | MaxRequestWorkers=500                               | --set: MaxRequestWorkers 500: must be at most ServerLimit x ThreadsPerChild (16 x 25 = 400); raise ServerLimit
            event    | MaxRequestWorkers=10                                | --set: MaxRequestWorkers 10: must be at least ThreadsPerChild (25)
            virtual  | MaxRequestWorkers=0                                 | --set: MaxRequestWorkers 0: must be an integer of at least 1
            worker   | ServerLimit=200001                                  | --set: ServerLimit 200001: must be an integer from 1 to 200000
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
            prefork  | Listen=65536                                        | --set: Listen 65536: must be PORT or HOST:PORT with PORT 0..65535 and HOST a loopback or wildcard address (127.0.0.1, localhost, 0.0.0.0, [::1], [::])
            prefork  | Listen=192.168.1.1:80                               | --set: Listen 192.168.1.1:80: must be PORT or HOST:PORT with PORT 0..65535 and HOST a loopback or wildcard address (127.0.0.1, localhost, 0.0.0.0, [::1], [::])
            prefork  | Listen=example.com:80                               | --set: Listen example.com:80: must be PORT or HOST:PORT with PORT 0..65535 and HOST a loopback or wildcard address (127.0.0.1, localhost, 0.0.0.0, [::1], [::])
            prefork  | StartServers=                                       | --set: StartServers '': must be an integer of at least 1
            prefork  | ThreadsPerChild=x                                   | --set: ThreadsPerChild x: must be an integer from 1 to ThreadLimit
            prefork  | StartServers                                        | --set StartServers: expected Directive=value, e.g. ThreadsPerChild=25
            prefork  | NoSuchThing=1                                       | --set NoSuchThing=1: unknown directive 'NoSuchThing'
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ThreadsPerChild 99         | cfg:2: ThreadsPerChild 99: must be an integer from 1 to ThreadLimit (64)
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

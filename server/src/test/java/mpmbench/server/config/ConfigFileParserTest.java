package mpmbench.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigFileParserTest {

    private static final String FILE = """
            # a comment, then a blank line

            StartServers 2
              # an indented comment
            <IfModule mpm_prefork_module>
                MaxSpareServers 20
            </IfModule>
            <IfModule mpm_worker_module>
                ThreadsPerChild 32
                <IfModule !mod_ssl>
                    ThreadLimit 33
                </IfModule>
                <IfModule mod_status>
                    ThreadLimit 128
                </IfModule>
            </IfModule>
            <ifmodule !mpm_worker_module>
                Timeout 30
            </ifmodule>
            ChildJvmOptions "-Xmx64m   -XX:+UseSerialGC" \\
                -Xss256k
            """;

    @Test
    void keepsOnlyTheLinesOfTheModelWithOriginAndArguments() {
        List<ConfigLine> worker = ConfigFileParser.parse("t.conf", FILE, Mpm.WORKER);
        assertEquals(List.of(
                new ConfigLine("StartServers", List.of("2"), "t.conf:3"),
                new ConfigLine("ThreadsPerChild", List.of("32"), "t.conf:9"),
                new ConfigLine("ThreadLimit", List.of("128"), "t.conf:14"),
                new ConfigLine("ChildJvmOptions", List.of("-Xmx64m   -XX:+UseSerialGC", "-Xss256k"),
                        "t.conf:20")), worker);
    }

    @Test
    void negatedBlockAppliesToOtherModels() {
        List<String> prefork = ConfigFileParser.parse("t.conf", FILE, Mpm.PREFORK).stream()
                .map(ConfigLine::name).toList();
        assertEquals(List.of("StartServers", "MaxSpareServers", "Timeout", "ChildJvmOptions"), prefork);
    }

    @Test
    void quotesAndEscapes() {
        assertEquals(List.of("a b", "it's", "", "x"),
                ConfigWords.split("\"a b\" 'it\\'s' \"\" x", "t:1"));
    }

    @Test
    void virtualModuleNameAndSourceFileNames() {
        String text = "<IfModule mpm_virtual_module>\nMaxRequestWorkers 5\n</IfModule>\n"
                + "<IfModule event.c>\nMaxRequestWorkers 6\n</IfModule>\n";
        assertEquals("5", ConfigFileParser.parse("t", text, Mpm.VIRTUAL).getFirst().args().getFirst());
        assertEquals("6", ConfigFileParser.parse("t", text, Mpm.EVENT).getFirst().args().getFirst());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "StartServers 1\\nThredsPerChild 4         | my.conf:2: Invalid command 'ThredsPerChild', perhaps misspelled or defined by a module not included in the server configuration (see mpmbench serve --help for the directives it reads)",
            "<IfModule mpm_event_module>\\nFoo 1      | my.conf:2: Invalid command 'Foo', perhaps misspelled or defined by a module not included in the server configuration (see mpmbench serve --help for the directives it reads)",
            "<IfModule mpm_event_module>\\nTimeout 1  | my.conf:1: <IfModule> is not closed by </IfModule>",
            "</IfModule>                              | my.conf:1: </IfModule> without matching <IfModule> section",
            "<IfDefine X>\\n</IfModule>              | my.conf:2: Expected </IfDefine> but saw </IfModule>",
            "<VirtualHost *:80>                       | my.conf:1: <VirtualHost> is not closed by </VirtualHost>",
            "<Frobnicate x>                           | my.conf:1: Invalid command '<Frobnicate', perhaps misspelled or defined by a module not included in the server configuration",
            "<IfModule>                               | my.conf:1: <IfModule> takes one name, e.g. <IfModule mpm_event_module> or <IfModule !mpm_event_module>",
            "Define                                   | my.conf:1: Define takes 1 or 2 arguments, got 0",
            "Define a:b 1                             | my.conf:1: Define a:b: Variable name must not contain ':'",
            "LoadModule mpm_event_module x.so         | my.conf:1: LoadModule mpm_event_module loads the event MPM, but the model is prefork (--mpm); httpd runs one MPM: use --mpm event or another file",
            "Include nowhere/x.conf                   | my.conf:1: Could not open configuration file nowhere/x.conf: No such file or directory",
            "Include nowhere/*.conf                   | my.conf:1: No matches for the wildcard '*.conf' in 'nowhere', failing (use IncludeOptional to allow none)",
            "Timeout \"5                              | my.conf:1: unterminated \" quote in 'Timeout \"5'",
    })
    void syntaxErrorsNameFileAndLine(String text, String message) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigFileParser.parse("my.conf", text.replace("\\n", "\n"), Mpm.PREFORK));
        assertEquals(message, e.getMessage());
    }
}

package mpmbench.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * httpd's {@code Include} and {@code IncludeOptional}: a relative path starts at ServerRoot; a
 * directory includes its files in alphabetical order; {@code *}, {@code ?} and {@code [...]} in the
 * last path component match files, also in alphabetical order. {@code Include} refuses a missing
 * file or a wildcard that matches nothing; {@code IncludeOptional} skips them silently.
 */
final class ConfigIncludes {

    /** httpd's AP_MAX_INCLUDE_DEPTH: deeper nesting is taken for an include loop. */
    static final int MAX_DEPTH = 128;

    /** One included file: the name for {@code file:line} messages and its text (UTF-8). */
    record File(String name, String text) {
    }

    private ConfigIncludes() {
    }

    /**
     * @param depth  how deep the including file is (0 for the main file)
     * @param origin {@code file:line} of the Include line, for messages
     * @throws ConfigException naming the Include line when a file cannot be read or nesting is too deep
     */
    static List<File> resolve(Path serverRoot, String pattern, boolean optional, int depth, String origin) {
        if (depth + 1 > MAX_DEPTH) {
            throw new ConfigException(origin + ": Exceeded the maximum include directory nesting level of "
                    + MAX_DEPTH + " (an Include that includes itself?)");
        }
        Path path = serverRoot.resolve(pattern);
        String last = path.getFileName() == null ? "" : path.getFileName().toString();
        List<Path> files = new ArrayList<>();
        try {
            if (last.matches(".*[*?\\[].*")) {
                Path dir = path.getParent() == null ? Path.of("") : path.getParent();
                if (Files.isDirectory(dir)) {
                    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, last)) {
                        s.forEach(p -> {
                            if (Files.isRegularFile(p)) {
                                files.add(p);
                            }
                        });
                    }
                }
                if (files.isEmpty() && !optional) {
                    throw new ConfigException(origin + ": No matches for the wildcard '" + last + "' in '" + dir
                            + "', failing (use IncludeOptional to allow none)");
                }
            } else if (Files.isDirectory(path)) {
                try (Stream<Path> s = Files.list(path)) {
                    s.filter(Files::isRegularFile).forEach(files::add);
                }
            } else if (Files.exists(path) || !optional) {
                files.add(path);
            }
            files.sort(null);
            List<File> out = new ArrayList<>();
            for (Path p : files) {
                out.add(new File(p.toString(), Files.readString(p, StandardCharsets.UTF_8)));
            }
            return out;
        } catch (IOException e) {
            throw new ConfigException(origin + ": Could not open configuration file " + path + ": " + reason(e));
        }
    }

    private static String reason(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "No such file or directory"
                : e instanceof java.nio.file.AccessDeniedException ? "Permission denied" : e.toString();
    }
}

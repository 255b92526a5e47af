// Extract runs boilerpipe's ArticleExtractor (Kohlschütter et al.) on HTML
// pages, as a peer that crosscheck's boilerplate and off-topic findings are
// measured against (see docs/benchmarks.md). It is compiled and run by
// checker/score's evaluation test against Debian's libboilerpipe-java.
//
// Usage: java -cp boilerpipe.jar:nekohtml.jar:xercesImpl.jar:. Extract FILE...
//
// Each FILE is an HTML page, gzip-compressed when its name ends in ".gz".
// For each it writes one JSON line to standard output:
//   {"file":"<FILE as given>","text":"<extracted text>"}
// or, when extraction fails, {"file":"…","error":"<message>"}.
// The page's charset is read from a <meta> declaration in its first 4 KiB;
// UTF-8 is assumed when there is none.
import de.l3s.boilerpipe.extractors.ArticleExtractor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

public final class Extract {
    private static final Pattern CHARSET =
            Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)");

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, "UTF-8");
        for (String file : args) {
            try {
                String html = decode(read(file));
                String text = ArticleExtractor.INSTANCE.getText(html);
                out.println("{\"file\":" + quote(file) + ",\"text\":" + quote(text == null ? "" : text) + "}");
            } catch (Exception e) {
                out.println("{\"file\":" + quote(file) + ",\"error\":" + quote(String.valueOf(e)) + "}");
            }
        }
        out.flush();
    }

    private static byte[] read(String file) throws IOException {
        try (InputStream raw = Files.newInputStream(Paths.get(file))) {
            InputStream in = file.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] chunk = new byte[1 << 16];
            for (int n; (n = in.read(chunk)) > 0; ) {
                buf.write(chunk, 0, n);
            }
            return buf.toByteArray();
        }
    }

    private static String decode(byte[] data) {
        String head = new String(data, 0, Math.min(data.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = CHARSET.matcher(head);
        Charset cs = StandardCharsets.UTF_8;
        if (m.find()) {
            try {
                cs = Charset.forName(m.group(1));
            } catch (Exception ignored) {
                // an unknown charset name: keep UTF-8
            }
        }
        return new String(data, cs);
    }

    // quote writes s as a JSON string.
    private static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"').toString();
    }
}

package org.critsweep.report;

/** Text into HTML: every string the report takes from a table, the manifest or a fit goes through {@link #escape}. */
final class Html {

    private Html() {
    }

    /** The text with {@code & < > " '} replaced by entities, safe in element content and in quoted attributes. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

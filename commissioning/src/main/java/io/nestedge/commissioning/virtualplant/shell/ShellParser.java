package io.nestedge.commissioning.virtualplant.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses tokens into a list of pipelines joined by {@code ;}, {@code &&} and {@code ||}, each
 * command with its words and redirections.
 */
public final class ShellParser {
    /** A redirection: op is one of > >> < 2> 2>> 2>&1; target is the file (empty for 2>&1). */
    public record Redirect(String op, String target) {
    }

    /** One simple command. */
    public record Command(List<String> words, List<Redirect> redirects) {
    }

    /** Commands joined by pipes; {@code joiner} is how it follows the previous one (";", "&&", "||"). */
    public record Pipeline(String joiner, List<Command> commands) {
    }

    private ShellParser() {
    }

    /**
     * @param tokens from {@link ShellTokenizer}
     * @return pipelines in order
     * @throws ShellSyntaxException on a misplaced operator
     */
    public static List<Pipeline> parse(List<ShellTokenizer.Token> tokens) throws ShellSyntaxException {
        List<Pipeline> out = new ArrayList<>();
        String joiner = ";";
        List<Command> cmds = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<Redirect> redirects = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            ShellTokenizer.Token t = tokens.get(i);
            if (!t.operator()) {
                words.add(t.text());
                continue;
            }
            switch (t.text()) {
                case ">", ">>", "<", "2>", "2>>" -> {
                    if (i + 1 >= tokens.size() || tokens.get(i + 1).operator()) {
                        throw new ShellSyntaxException("redirection unexpected");
                    }
                    redirects.add(new Redirect(t.text(), tokens.get(++i).text()));
                }
                case "2>&1" -> redirects.add(new Redirect("2>&1", ""));
                case "|" -> {
                    if (words.isEmpty()) {
                        throw new ShellSyntaxException("\"|\" unexpected");
                    }
                    cmds.add(new Command(List.copyOf(words), List.copyOf(redirects)));
                    words.clear();
                    redirects.clear();
                }
                default -> {
                    if (words.isEmpty() && cmds.isEmpty()) {
                        if (t.text().equals(";") && !out.isEmpty() || t.text().equals(";") && i == tokens.size() - 1) {
                            continue;
                        }
                        throw new ShellSyntaxException("\"" + t.text() + "\" unexpected");
                    }
                    if (words.isEmpty()) {
                        throw new ShellSyntaxException("\"" + t.text() + "\" unexpected");
                    }
                    cmds.add(new Command(List.copyOf(words), List.copyOf(redirects)));
                    out.add(new Pipeline(joiner, List.copyOf(cmds)));
                    joiner = t.text();
                    cmds.clear();
                    words.clear();
                    redirects.clear();
                }
            }
        }
        if (!words.isEmpty()) {
            cmds.add(new Command(List.copyOf(words), List.copyOf(redirects)));
        } else if (!cmds.isEmpty() || !joiner.equals(";")) {
            throw new ShellSyntaxException("end of file unexpected");
        }
        if (!cmds.isEmpty()) {
            out.add(new Pipeline(joiner, List.copyOf(cmds)));
        }
        return out;
    }
}

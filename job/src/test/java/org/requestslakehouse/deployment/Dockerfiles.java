package org.requestslakehouse.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Dockerfile as its instructions: comments dropped, continuation lines joined. */
final class Dockerfiles {
    record Instruction(String keyword, String arguments) {}

    private Dockerfiles() {}

    static List<Instruction> read(Path file) throws IOException {
        List<Instruction> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String text = pending.toString().strip();
            pending.setLength(0);
            int space = text.indexOf(' ');
            out.add(new Instruction(
                    text.substring(0, space).toUpperCase(Locale.ROOT),
                    text.substring(space + 1).strip()));
        }
        return out;
    }

    static List<String> all(List<Instruction> instructions, String keyword) {
        return instructions.stream()
                .filter(i -> i.keyword().equals(keyword))
                .map(Instruction::arguments)
                .toList();
    }

    /** The words of a shell-form instruction (COPY, ARG, USER), without flags such as {@code --chown=...}. */
    static List<String> words(String arguments) {
        return List.of(arguments.split("\\s+")).stream()
                .filter(w -> !w.startsWith("--"))
                .toList();
    }
}

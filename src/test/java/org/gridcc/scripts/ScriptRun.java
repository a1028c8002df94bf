package org.gridcc.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of a script of scripts/ as a person would start it: its exit code and all it printed. */
record ScriptRun(int exitCode, String output) {

    static ScriptRun of(String script, Map<String, String> env, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(Path.of("scripts", script).toAbsolutePath().toString());
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).redirectErrorStream(true);
        process.environment().putAll(env);
        Process p = process.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(script + " finished").isTrue();
        return new ScriptRun(p.exitValue(), output);
    }
}

package dev.portalloc.cli;

import java.io.PrintWriter;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the application. Without arguments it runs the service; with arguments it is the operator's command line,
 * which talks to a running service over HTTP. Quarkus 3.33 starts this method directly, with nothing of the application
 * started before it: the JVM launcher reads it from quarkus-application.dat, and the native build passes a runner jar
 * with this Main-Class to native-image. So a command-line call opens no HTTP port and no database connection.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        if (args.length == 0) {
            Quarkus.run(args);
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(OperatorCli.execute(args, System.getenv(), out, err));
    }
}

package org.gridcc.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.gridcc.grid.DemoCounty;
import org.junit.jupiter.api.Test;

/** The reactive pool's statements: prepared once per connection, however long, and never compiled by the JIT. */
@QuarkusTest
class ReactivePoolStatementsIT {

    @Inject
    Pool pool;

    @Inject
    DemoCounty county;

    @Test
    void aTileStatementIsPreparedOnceAndKeptByItsConnection() {
        String tile = SqlFiles.read("grid-tile.sql");
        assertThat(tile.length()).as("the tile statement is longer than Vert.x's own limit").isGreaterThan(2_048);

        long kept = pool.withConnection(connection -> connection.preparedQuery(tile)
                .execute(Tuple.of(10, 808, 438, county.publishedVersion(), new String[] {"county", "township", "village"}))
                .chain(() -> connection.preparedQuery(tile)
                        .execute(Tuple.of(10, 809, 438, county.publishedVersion(), new String[] {"county", "township", "village"})))
                .chain(() -> connection.query("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%ST_AsMVT%'").execute())
                .map(rows -> rows.iterator().next().getLong(0)))
                .await().indefinitely();

        assertThat(kept).isEqualTo(1);
    }

    @Test
    void noStatementOnTheRequestPathIsCompiledByTheJit() {
        String jit = pool.query("SHOW jit").execute().map(rows -> rows.iterator().next().getString(0)).await().indefinitely();

        assertThat(jit).isEqualTo("off");
    }

    @Test
    void everyStatementFileFitsTheLimitWithRoomForWhatIsAddedToIt() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("backend/resources/sql"))) {
            assertThat(files.toList()).isNotEmpty().allSatisfy(file ->
                    assertThat(Files.readString(file).length()).as(file.toString()).isLessThan(DatabasePool.PREPARED_SQL_LIMIT / 2));
        }
    }
}

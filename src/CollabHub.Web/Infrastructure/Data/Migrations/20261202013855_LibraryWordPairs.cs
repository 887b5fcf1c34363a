using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CollabHub.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class LibraryWordPairs : Migration
    {
        /// <summary>
        /// Adjacent words indexed as pairs, so that a quoted phrase is found through one index lookup instead of reading
        /// the vector of every resource that holds all its words (see LibrarySearchIndex). The pairs are derived from the
        /// stored vector's own positions, so a phrase's pairs are in the index exactly when the phrase operator can match.
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                -- Every two lexemes at adjacent positions of a vector, as one lexeme "first second". A vector's positions
                -- are what the phrase operator reads (capped as it sees them), so a document holds "a <-> b" only if it
                -- holds the pair "a b". Pairs too long for a lexeme are left out (a phrase of them is not narrowed).
                -- Costly per row (a long document takes tens of milliseconds): the cost keeps the planner from
                -- evaluating it on rows instead of reading the index.
                CREATE FUNCTION library_word_pairs(vector tsvector) RETURNS tsvector
                LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $fn$
                    WITH words AS (SELECT u.lexeme, p.at FROM unnest(vector) u CROSS JOIN LATERAL unnest(u.positions) AS p(at))
                    SELECT coalesce(array_to_tsvector(array_agg(DISTINCT a.lexeme || ' ' || b.lexeme)), ''::tsvector)
                    FROM words a JOIN words b ON b.at = a.at + 1
                    WHERE octet_length(a.lexeme) + octet_length(b.lexeme) < 2000
                $fn$;

                -- The pairs a document must hold to match the query, as a query on library_word_pairs, or NULL when
                -- the query implies none. Read from the query's text, where "!" binds tightest, then phrase operators,
                -- then "&", then "|", and parentheses are written only where these would not give the tree (a query
                -- with any is not narrowed): an alternative of "|" needs all the pairs of its phrases, two operands
                -- joined by "<->" (a chain joins each operand to the one before it); a query needs one alternative's
                -- pairs, and an alternative without any leaves the query without a narrowing. A negated operand, a
                -- wider distance, a prefix or weights pair nothing.
                CREATE FUNCTION library_phrase_pairs(query tsquery) RETURNS tsquery
                LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
                DECLARE
                    token text;
                    alternatives text[] := '{}';
                    pairs text[] := '{}';
                    previous text;
                    operand text;
                    adjacent boolean := false;
                    negated boolean := false;
                BEGIN
                    FOR token IN SELECT m[1] FROM regexp_matches(query::text, '(''(?:[^'']|'''')*''(?::[*A-D]+)?|<->|<[0-9]+>|[&|!()])', 'g') AS m LOOP
                        IF token IN ('(', ')') THEN
                            RETURN NULL;
                        ELSIF token = '|' THEN
                            IF cardinality(pairs) = 0 THEN
                                RETURN NULL;
                            END IF;
                            alternatives := alternatives || array_to_string(pairs, ' & ');
                            pairs := '{}';
                            previous := NULL;
                            adjacent := false;
                        ELSIF token = '&' THEN
                            previous := NULL;
                            adjacent := false;
                        ELSIF token = '!' THEN
                            negated := true;
                        ELSIF token = '<->' THEN
                            adjacent := true;
                        ELSIF left(token, 1) = '<' THEN
                            adjacent := false;
                        ELSIF right(token, 1) <> '''' THEN
                            RETURN NULL;
                        ELSE
                            operand := CASE WHEN negated THEN NULL ELSE substr(token, 2, length(token) - 2) END;
                            IF adjacent AND previous IS NOT NULL AND operand IS NOT NULL AND octet_length(previous) + octet_length(operand) < 2000 THEN
                                pairs := pairs || ('''' || previous || ' ' || operand || '''');
                            END IF;
                            previous := operand;
                            adjacent := false;
                            negated := false;
                        END IF;
                    END LOOP;
                    IF cardinality(pairs) = 0 THEN
                        RETURN NULL;
                    END IF;
                    RETURN ('(' || array_to_string(alternatives || array_to_string(pairs, ' & '), ') | (') || ')')::tsquery;
                END
                $fn$;
                """);

            // An expression index: the pairs are never stored in the row nor read back (a match needs no recheck), and
            // no statistics are gathered for them (ANALYZE would compute the pairs of every sampled row).
            migrationBuilder.Sql("""
                CREATE INDEX ix_library_resources_word_pairs ON library_resources USING gin (library_word_pairs(search_vector));
                ALTER INDEX ix_library_resources_word_pairs ALTER COLUMN 1 SET STATISTICS 0;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX ix_library_resources_word_pairs;
                DROP FUNCTION library_phrase_pairs(tsquery);
                DROP FUNCTION library_word_pairs(tsvector);
                """);
        }
    }
}

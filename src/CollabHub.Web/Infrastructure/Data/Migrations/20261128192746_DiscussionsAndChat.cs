using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace CollabHub.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class DiscussionsAndChat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "chat_channels",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    user_low_id = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    user_high_id = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    last_seq = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    last_message_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chat_channels", x => x.id);
                    table.CheckConstraint("ck_chat_channels_kind", "(group_id IS NOT NULL AND user_low_id IS NULL AND user_high_id IS NULL) OR (group_id IS NULL AND user_low_id IS NOT NULL AND user_high_id IS NOT NULL AND user_low_id < user_high_id)");
                    table.CheckConstraint("ck_chat_channels_last_seq", "last_seq >= 0");
                    table.ForeignKey(
                        name: "fk_chat_channels_asp_net_users_user_high_id",
                        column: x => x.user_high_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_chat_channels_asp_net_users_user_low_id",
                        column: x => x.user_low_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_chat_channels_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "discussion_threads",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    author_id = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_activity_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    post_count = table.Column<int>(type: "integer", nullable: false),
                    pinned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    locked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "setweight(to_tsvector('simple', title), 'A')", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_discussion_threads", x => x.id);
                    table.CheckConstraint("ck_discussion_threads_post_count", "post_count >= 1");
                    table.CheckConstraint("ck_discussion_threads_title_not_blank", "btrim(title) <> ''");
                    table.ForeignKey(
                        name: "fk_discussion_threads_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_discussion_threads_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "chat_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel_id = table.Column<Guid>(type: "uuid", nullable: false),
                    seq = table.Column<long>(type: "bigint", nullable: false),
                    client_message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<string>(type: "text", nullable: true),
                    body = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    edited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    deleted_by_id = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chat_messages", x => x.id);
                    table.CheckConstraint("ck_chat_messages_body", "(deleted_at IS NULL AND btrim(body) <> '') OR (deleted_at IS NOT NULL AND body = '')");
                    table.CheckConstraint("ck_chat_messages_body_length", "char_length(body) <= 4000");
                    table.CheckConstraint("ck_chat_messages_seq", "seq > 0");
                    table.ForeignKey(
                        name: "fk_chat_messages_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_chat_messages_asp_net_users_deleted_by_id",
                        column: x => x.deleted_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_chat_messages_chat_channels_channel_id",
                        column: x => x.channel_id,
                        principalTable: "chat_channels",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "chat_read_positions",
                columns: table => new
                {
                    channel_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    last_read_seq = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chat_read_positions", x => new { x.channel_id, x.user_id });
                    table.CheckConstraint("ck_chat_read_positions_seq", "last_read_seq >= 0");
                    table.ForeignKey(
                        name: "fk_chat_read_positions_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_chat_read_positions_chat_channels_channel_id",
                        column: x => x.channel_id,
                        principalTable: "chat_channels",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "discussion_posts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    thread_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    author_id = table.Column<string>(type: "text", nullable: true),
                    reply_to_post_id = table.Column<Guid>(type: "uuid", nullable: true),
                    body = table.Column<string>(type: "text", nullable: false),
                    body_html = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    edited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    hidden_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    hidden_by_id = table.Column<string>(type: "text", nullable: true),
                    hidden_reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "setweight(to_tsvector('simple', body), 'B')", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_discussion_posts", x => x.id);
                    table.CheckConstraint("ck_discussion_posts_body", "btrim(body) <> '' AND char_length(body) <= 10000");
                    table.CheckConstraint("ck_discussion_posts_number", "number >= 1");
                    table.CheckConstraint("ck_discussion_posts_version", "version >= 1");
                    table.ForeignKey(
                        name: "fk_discussion_posts_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_discussion_posts_asp_net_users_hidden_by_id",
                        column: x => x.hidden_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_discussion_posts_discussion_posts_reply_to_post_id",
                        column: x => x.reply_to_post_id,
                        principalTable: "discussion_posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_discussion_posts_discussion_threads_thread_id",
                        column: x => x.thread_id,
                        principalTable: "discussion_threads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "discussion_thread_reads",
                columns: table => new
                {
                    thread_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    last_read_number = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_discussion_thread_reads", x => new { x.thread_id, x.user_id });
                    table.CheckConstraint("ck_discussion_thread_reads_number", "last_read_number >= 0");
                    table.ForeignKey(
                        name: "fk_discussion_thread_reads_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_discussion_thread_reads_discussion_threads_thread_id",
                        column: x => x.thread_id,
                        principalTable: "discussion_threads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "discussion_thread_subscriptions",
                columns: table => new
                {
                    thread_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_discussion_thread_subscriptions", x => new { x.thread_id, x.user_id });
                    table.CheckConstraint("ck_discussion_thread_subscriptions_level", "level IN (1, 2)");
                    table.ForeignKey(
                        name: "fk_discussion_thread_subscriptions_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_discussion_thread_subscriptions_discussion_threads_thread_id",
                        column: x => x.thread_id,
                        principalTable: "discussion_threads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "discussion_flags",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    flagger_id = table.Column<string>(type: "text", nullable: true),
                    reason = table.Column<int>(type: "integer", nullable: false),
                    details = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by_id = table.Column<string>(type: "text", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_discussion_flags", x => x.id);
                    table.CheckConstraint("ck_discussion_flags_decided", "(status = 0) = (decided_at IS NULL)");
                    table.CheckConstraint("ck_discussion_flags_other_has_details", "reason <> 3 OR btrim(details) <> ''");
                    table.CheckConstraint("ck_discussion_flags_reason", "reason IN (0, 1, 2, 3)");
                    table.CheckConstraint("ck_discussion_flags_status", "status IN (0, 1, 2)");
                    table.ForeignKey(
                        name: "fk_discussion_flags_asp_net_users_decided_by_id",
                        column: x => x.decided_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_discussion_flags_asp_net_users_flagger_id",
                        column: x => x.flagger_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_discussion_flags_discussion_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "discussion_posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "discussion_mentions",
                columns: table => new
                {
                    post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_discussion_mentions", x => new { x.post_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_discussion_mentions_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_discussion_mentions_discussion_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "discussion_posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "discussion_post_revisions",
                columns: table => new
                {
                    post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    body = table.Column<string>(type: "text", nullable: false),
                    body_html = table.Column<string>(type: "text", nullable: false),
                    written_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    replaced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_discussion_post_revisions", x => new { x.post_id, x.version });
                    table.CheckConstraint("ck_discussion_post_revisions_version", "version >= 1");
                    table.ForeignKey(
                        name: "fk_discussion_post_revisions_discussion_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "discussion_posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "discussion_reactions",
                columns: table => new
                {
                    post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_discussion_reactions", x => new { x.post_id, x.user_id, x.code });
                    table.CheckConstraint("ck_discussion_reactions_code", "code IN ('thumbs_up', 'heart', 'tada', 'smile', 'thinking', 'eyes')");
                    table.ForeignKey(
                        name: "fk_discussion_reactions_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_discussion_reactions_discussion_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "discussion_posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_chat_channels_group_id",
                table: "chat_channels",
                column: "group_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_chat_channels_user_high_id",
                table: "chat_channels",
                column: "user_high_id");

            migrationBuilder.CreateIndex(
                name: "ix_chat_channels_user_low_id_user_high_id",
                table: "chat_channels",
                columns: new[] { "user_low_id", "user_high_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_chat_messages_author_id",
                table: "chat_messages",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_chat_messages_channel_id_client_message_id",
                table: "chat_messages",
                columns: new[] { "channel_id", "client_message_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_chat_messages_channel_id_seq",
                table: "chat_messages",
                columns: new[] { "channel_id", "seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_chat_messages_deleted_by_id",
                table: "chat_messages",
                column: "deleted_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_chat_read_positions_user_id",
                table: "chat_read_positions",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_discussion_flags_decided_by_id",
                table: "discussion_flags",
                column: "decided_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_discussion_flags_flagger_id",
                table: "discussion_flags",
                column: "flagger_id");

            migrationBuilder.CreateIndex(
                name: "ix_discussion_flags_post_id_flagger_id",
                table: "discussion_flags",
                columns: new[] { "post_id", "flagger_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_discussion_flags_status",
                table: "discussion_flags",
                column: "status",
                filter: "status = 0");

            migrationBuilder.CreateIndex(
                name: "ix_discussion_mentions_user_id",
                table: "discussion_mentions",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_discussion_posts_author_id",
                table: "discussion_posts",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_discussion_posts_hidden_by_id",
                table: "discussion_posts",
                column: "hidden_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_discussion_posts_reply_to_post_id",
                table: "discussion_posts",
                column: "reply_to_post_id");

            migrationBuilder.CreateIndex(
                name: "ix_discussion_posts_search_vector",
                table: "discussion_posts",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_discussion_posts_thread_id_number",
                table: "discussion_posts",
                columns: new[] { "thread_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_discussion_reactions_user_id",
                table: "discussion_reactions",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_discussion_thread_reads_user_id",
                table: "discussion_thread_reads",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_discussion_thread_subscriptions_user_id",
                table: "discussion_thread_subscriptions",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_discussion_threads_author_id",
                table: "discussion_threads",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_discussion_threads_group_id_last_activity_at",
                table: "discussion_threads",
                columns: new[] { "group_id", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "ix_discussion_threads_search_vector",
                table: "discussion_threads",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "chat_messages");

            migrationBuilder.DropTable(
                name: "chat_read_positions");

            migrationBuilder.DropTable(
                name: "discussion_flags");

            migrationBuilder.DropTable(
                name: "discussion_mentions");

            migrationBuilder.DropTable(
                name: "discussion_post_revisions");

            migrationBuilder.DropTable(
                name: "discussion_reactions");

            migrationBuilder.DropTable(
                name: "discussion_thread_reads");

            migrationBuilder.DropTable(
                name: "discussion_thread_subscriptions");

            migrationBuilder.DropTable(
                name: "chat_channels");

            migrationBuilder.DropTable(
                name: "discussion_posts");

            migrationBuilder.DropTable(
                name: "discussion_threads");
        }
    }
}

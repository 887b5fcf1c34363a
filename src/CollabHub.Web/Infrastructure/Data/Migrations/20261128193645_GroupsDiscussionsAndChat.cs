using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace CollabHub.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class GroupsDiscussionsAndChat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_groups_visibility",
                table: "groups");

            migrationBuilder.AddColumn<Guid>(
                name: "cover_version",
                table: "groups",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "created_by_id",
                table: "groups",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "join_policy",
                table: "groups",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_activity_at",
                table: "groups",
                type: "timestamp with time zone",
                nullable: false,
                defaultValueSql: "now()");

            migrationBuilder.AddColumn<int>(
                name: "member_count",
                table: "groups",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<List<string>>(
                name: "topics",
                table: "groups",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

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
                name: "group_bans",
                columns: table => new
                {
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    banned_by_id = table.Column<string>(type: "text", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_group_bans", x => new { x.group_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_group_bans_asp_net_users_banned_by_id",
                        column: x => x.banned_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_group_bans_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_group_bans_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "group_covers",
                columns: table => new
                {
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    content_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    version = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_group_covers", x => x.group_id);
                    table.CheckConstraint("ck_group_covers_content_type", "content_type = 'image/webp'");
                    table.CheckConstraint("ck_group_covers_size", "octet_length(content) BETWEEN 1 AND 1048576");
                    table.ForeignKey(
                        name: "fk_group_covers_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "group_invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    token_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    invited_by_id = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answered_by_id = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_group_invitations", x => x.id);
                    table.CheckConstraint("ck_group_invitations_answered", "(status = 0) = (answered_at IS NULL)");
                    table.CheckConstraint("ck_group_invitations_email_not_blank", "btrim(email) <> ''");
                    table.CheckConstraint("ck_group_invitations_expiry", "expires_at > created_at");
                    table.CheckConstraint("ck_group_invitations_status", "status IN (0, 1, 2, 3)");
                    table.CheckConstraint("ck_group_invitations_token_hash", "octet_length(token_hash) = 32");
                    table.ForeignKey(
                        name: "fk_group_invitations_asp_net_users_answered_by_id",
                        column: x => x.answered_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_group_invitations_asp_net_users_invited_by_id",
                        column: x => x.invited_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_group_invitations_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "group_join_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    message = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    reply = table.Column<string>(type: "text", nullable: true),
                    decided_by_id = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_group_join_requests", x => x.id);
                    table.CheckConstraint("ck_group_join_requests_decided", "(status = 0) = (decided_at IS NULL)");
                    table.CheckConstraint("ck_group_join_requests_message_length", "char_length(message) <= 1000");
                    table.CheckConstraint("ck_group_join_requests_reply_length", "reply IS NULL OR char_length(reply) <= 1000");
                    table.CheckConstraint("ck_group_join_requests_status", "status IN (0, 1, 2, 3)");
                    table.ForeignKey(
                        name: "fk_group_join_requests_asp_net_users_decided_by_id",
                        column: x => x.decided_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_group_join_requests_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_group_join_requests_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "group_memberships",
                columns: table => new
                {
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    role = table.Column<int>(type: "integer", nullable: false),
                    joined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_group_memberships", x => new { x.group_id, x.user_id });
                    table.CheckConstraint("ck_group_memberships_role", "role IN (0, 1, 2)");
                    table.ForeignKey(
                        name: "fk_group_memberships_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_group_memberships_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "site_settings",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    value = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_by_id = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_site_settings", x => x.key);
                    table.ForeignKey(
                        name: "fk_site_settings_asp_net_users_updated_by_id",
                        column: x => x.updated_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
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
                name: "ix_groups_created_by_id",
                table: "groups",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_groups_last_activity_at",
                table: "groups",
                column: "last_activity_at");

            migrationBuilder.CreateIndex(
                name: "ix_groups_member_count",
                table: "groups",
                column: "member_count");

            migrationBuilder.CreateIndex(
                name: "ix_groups_name",
                table: "groups",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_groups_summary",
                table: "groups",
                column: "summary")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_groups_topics",
                table: "groups",
                column: "topics")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.AddCheckConstraint(
                name: "ck_groups_description_length",
                table: "groups",
                sql: "char_length(description) <= 20000");

            migrationBuilder.AddCheckConstraint(
                name: "ck_groups_hidden_by_invitation",
                table: "groups",
                sql: "visibility <> 2 OR join_policy = 2");

            migrationBuilder.AddCheckConstraint(
                name: "ck_groups_join_policy",
                table: "groups",
                sql: "join_policy IN (0, 1, 2)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_groups_member_count",
                table: "groups",
                sql: "member_count >= 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_groups_topics",
                table: "groups",
                sql: "cardinality(topics) <= 8");

            migrationBuilder.AddCheckConstraint(
                name: "ck_groups_visibility",
                table: "groups",
                sql: "visibility IN (0, 1, 2)");

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

            migrationBuilder.CreateIndex(
                name: "ix_group_bans_banned_by_id",
                table: "group_bans",
                column: "banned_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_group_bans_user_id",
                table: "group_bans",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_group_invitations_answered_by_id",
                table: "group_invitations",
                column: "answered_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_group_invitations_group_id_status",
                table: "group_invitations",
                columns: new[] { "group_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_group_invitations_invited_by_id",
                table: "group_invitations",
                column: "invited_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_group_invitations_token_hash",
                table: "group_invitations",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_group_join_requests_decided_by_id",
                table: "group_join_requests",
                column: "decided_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_group_join_requests_group_id_status_created_at",
                table: "group_join_requests",
                columns: new[] { "group_id", "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_group_join_requests_user_id",
                table: "group_join_requests",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ux_group_join_requests_pending",
                table: "group_join_requests",
                columns: new[] { "group_id", "user_id" },
                unique: true,
                filter: "status = 0");

            migrationBuilder.CreateIndex(
                name: "ix_group_memberships_user_id",
                table: "group_memberships",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_site_settings_updated_by_id",
                table: "site_settings",
                column: "updated_by_id");

            migrationBuilder.AddForeignKey(
                name: "fk_groups_asp_net_users_created_by_id",
                table: "groups",
                column: "created_by_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_groups_asp_net_users_created_by_id",
                table: "groups");

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
                name: "group_bans");

            migrationBuilder.DropTable(
                name: "group_covers");

            migrationBuilder.DropTable(
                name: "group_invitations");

            migrationBuilder.DropTable(
                name: "group_join_requests");

            migrationBuilder.DropTable(
                name: "group_memberships");

            migrationBuilder.DropTable(
                name: "site_settings");

            migrationBuilder.DropTable(
                name: "chat_channels");

            migrationBuilder.DropTable(
                name: "discussion_posts");

            migrationBuilder.DropTable(
                name: "discussion_threads");

            migrationBuilder.DropIndex(
                name: "ix_groups_created_by_id",
                table: "groups");

            migrationBuilder.DropIndex(
                name: "ix_groups_last_activity_at",
                table: "groups");

            migrationBuilder.DropIndex(
                name: "ix_groups_member_count",
                table: "groups");

            migrationBuilder.DropIndex(
                name: "ix_groups_name",
                table: "groups");

            migrationBuilder.DropIndex(
                name: "ix_groups_summary",
                table: "groups");

            migrationBuilder.DropIndex(
                name: "ix_groups_topics",
                table: "groups");

            migrationBuilder.DropCheckConstraint(
                name: "ck_groups_description_length",
                table: "groups");

            migrationBuilder.DropCheckConstraint(
                name: "ck_groups_hidden_by_invitation",
                table: "groups");

            migrationBuilder.DropCheckConstraint(
                name: "ck_groups_join_policy",
                table: "groups");

            migrationBuilder.DropCheckConstraint(
                name: "ck_groups_member_count",
                table: "groups");

            migrationBuilder.DropCheckConstraint(
                name: "ck_groups_topics",
                table: "groups");

            migrationBuilder.DropCheckConstraint(
                name: "ck_groups_visibility",
                table: "groups");

            migrationBuilder.DropColumn(
                name: "cover_version",
                table: "groups");

            migrationBuilder.DropColumn(
                name: "created_by_id",
                table: "groups");

            migrationBuilder.DropColumn(
                name: "join_policy",
                table: "groups");

            migrationBuilder.DropColumn(
                name: "last_activity_at",
                table: "groups");

            migrationBuilder.DropColumn(
                name: "member_count",
                table: "groups");

            migrationBuilder.DropColumn(
                name: "topics",
                table: "groups");

            migrationBuilder.AddCheckConstraint(
                name: "ck_groups_visibility",
                table: "groups",
                sql: "visibility IN (0, 1)");
        }
    }
}

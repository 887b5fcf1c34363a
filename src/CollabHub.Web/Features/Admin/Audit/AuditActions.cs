namespace CollabHub.Web.Features.Admin.Audit;

/// <summary>The action codes written to the audit log. Other features add their own in the same <c>area.verb</c> form.</summary>
public static class AuditActions
{
    public const string RoleAssign = "role.assign";
    public const string RoleRemove = "role.remove";
    public const string MemberSuspend = "member.suspend";
    public const string MemberReinstate = "member.reinstate";
    public const string ConfirmationResend = "confirmation.resend";
    public const string AdminCreate = "admin.create";
    public const string SettingChange = "setting.change";
    public const string GroupMemberRemove = "group.remove";
    public const string GroupMemberBan = "group.ban";
    public const string GroupBanLift = "group.unban";
    public const string GroupRoleChange = "group.role";
    public const string GroupAccessChange = "group.access";
    public const string AppealCreate = "appeal.create";
    public const string AppealStatusChange = "appeal.status";
    public const string AppealStateRecord = "appeal.state";
    public const string AppealStateRemove = "appeal.state.remove";

    /// <summary>The known codes with a plain-English label, for filters and listings.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Known =
    [
        (RoleAssign, "Role assigned"),
        (RoleRemove, "Role removed"),
        (MemberSuspend, "Member suspended"),
        (MemberReinstate, "Member reinstated"),
        (ConfirmationResend, "Confirmation resent"),
        (AdminCreate, "Administrator created (command line)"),
        (SettingChange, "Site setting changed"),
        (GroupMemberRemove, "Removed from a group"),
        (GroupMemberBan, "Banned from a group"),
        (GroupBanLift, "Group ban lifted"),
        (GroupRoleChange, "Group role changed"),
        (GroupAccessChange, "Group visibility or join policy changed"),
        (AppealCreate, "Appeal created"),
        (AppealStatusChange, "Appeal opened or closed"),
        (AppealStateRecord, "State endorsement recorded"),
        (AppealStateRemove, "State endorsement removed"),
    ];

    public static string Label(string code) => Known.Where(k => k.Code == code).Select(k => k.Label).FirstOrDefault() ?? code;
}

namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>
/// The catalogue of UN system entities, kept in code so every deployment has it without seeding. Profiles store the
/// code; <see cref="OtherCode"/> means the member typed their organisation's name themselves.
/// </summary>
public static class UnOrganisations
{
    public const string OtherCode = "OTHER";

    public const int CodeMaxLength = 16;

    public static readonly IReadOnlyList<UnOrganisation> All =
    [
        // Secretariat departments and offices
        Secretariat("EOSG", "Executive Office of the Secretary-General"),
        Secretariat("DESA", "Department of Economic and Social Affairs"),
        Secretariat("DGACM", "Department for General Assembly and Conference Management"),
        Secretariat("DGC", "Department of Global Communications"),
        Secretariat("DMSPC", "Department of Management Strategy, Policy and Compliance"),
        Secretariat("DOS", "Department of Operational Support"),
        Secretariat("DPO", "Department of Peace Operations"),
        Secretariat("DPPA", "Department of Political and Peacebuilding Affairs"),
        Secretariat("DSS", "Department of Safety and Security"),
        Secretariat("ODA", "Office for Disarmament Affairs"),
        Secretariat("OCHA", "Office for the Coordination of Humanitarian Affairs"),
        Secretariat("OHCHR", "Office of the United Nations High Commissioner for Human Rights"),
        Secretariat("OICT", "Office of Information and Communications Technology"),
        Secretariat("OIOS", "Office of Internal Oversight Services"),
        Secretariat("OLA", "Office of Legal Affairs"),
        Secretariat("OOSA", "Office for Outer Space Affairs"),
        Secretariat("OSAA", "Office of the Special Adviser on Africa"),
        Secretariat("DCO", "Development Coordination Office"),
        Secretariat("PBSO", "Peacebuilding Support Office"),
        Secretariat("UNOCT", "United Nations Office of Counter-Terrorism"),
        Secretariat("UNDRR", "United Nations Office for Disaster Risk Reduction"),
        Secretariat("UN-OHRLLS", "Office of the High Representative for the Least Developed Countries, Landlocked Developing Countries and Small Island Developing States"),
        Secretariat("OSRSG-CAAC", "Office of the Special Representative of the Secretary-General for Children and Armed Conflict"),
        Secretariat("OSRSG-SVC", "Office of the Special Representative of the Secretary-General on Sexual Violence in Conflict"),
        Secretariat("OSRSG-VAC", "Office of the Special Representative of the Secretary-General on Violence against Children"),
        Secretariat("UNOG", "United Nations Office at Geneva"),
        Secretariat("UNON", "United Nations Office at Nairobi"),
        Secretariat("UNOV", "United Nations Office at Vienna"),

        // Funds and programmes
        Fund("UNDP", "United Nations Development Programme"),
        Fund("UNCDF", "United Nations Capital Development Fund"),
        Fund("UNV", "United Nations Volunteers"),
        Fund("UNEP", "United Nations Environment Programme"),
        Fund("UNFPA", "United Nations Population Fund"),
        Fund("UN-Habitat", "United Nations Human Settlements Programme"),
        Fund("UNICEF", "United Nations Children's Fund"),
        Fund("WFP", "World Food Programme"),
        Fund("UNHCR", "Office of the United Nations High Commissioner for Refugees"),
        Fund("UNRWA", "United Nations Relief and Works Agency for Palestine Refugees in the Near East"),
        Fund("UN Women", "United Nations Entity for Gender Equality and the Empowerment of Women"),
        Fund("UNODC", "United Nations Office on Drugs and Crime"),
        Fund("UNOPS", "United Nations Office for Project Services"),
        Fund("UNCTAD", "United Nations Conference on Trade and Development"),
        Fund("ITC", "International Trade Centre"),
        Fund("UNAIDS", "Joint United Nations Programme on HIV/AIDS"),

        // Specialized agencies
        Agency("FAO", "Food and Agriculture Organization of the United Nations"),
        Agency("ICAO", "International Civil Aviation Organization"),
        Agency("IFAD", "International Fund for Agricultural Development"),
        Agency("ILO", "International Labour Organization"),
        Agency("IMF", "International Monetary Fund"),
        Agency("IMO", "International Maritime Organization"),
        Agency("ITU", "International Telecommunication Union"),
        Agency("UNESCO", "United Nations Educational, Scientific and Cultural Organization"),
        Agency("UNIDO", "United Nations Industrial Development Organization"),
        Agency("UN Tourism", "World Tourism Organization (UNWTO)"),
        Agency("UPU", "Universal Postal Union"),
        Agency("WHO", "World Health Organization"),
        Agency("WIPO", "World Intellectual Property Organization"),
        Agency("WMO", "World Meteorological Organization"),
        Agency("WBG", "World Bank Group"),

        // Related organizations
        Related("IAEA", "International Atomic Energy Agency"),
        Related("IOM", "International Organization for Migration"),
        Related("OPCW", "Organisation for the Prohibition of Chemical Weapons"),
        Related("CTBTO", "Preparatory Commission for the Comprehensive Nuclear-Test-Ban Treaty Organization"),
        Related("WTO", "World Trade Organization"),
        Related("ISA", "International Seabed Authority"),
        Related("ITLOS", "International Tribunal for the Law of the Sea"),
        Related("ICC", "International Criminal Court"),
        Related("UNFCCC", "United Nations Framework Convention on Climate Change secretariat"),
        Related("UNCCD", "United Nations Convention to Combat Desertification secretariat"),
        Related("CBD", "Convention on Biological Diversity secretariat"),

        // Regional commissions
        Regional("ECA", "Economic Commission for Africa"),
        Regional("ECE", "Economic Commission for Europe"),
        Regional("ECLAC", "Economic Commission for Latin America and the Caribbean"),
        Regional("ESCAP", "Economic and Social Commission for Asia and the Pacific"),
        Regional("ESCWA", "Economic and Social Commission for Western Asia"),

        // Research and training
        Research("UNITAR", "United Nations Institute for Training and Research"),
        Research("UNU", "United Nations University"),
        Research("UNSSC", "United Nations System Staff College"),
        Research("UNRISD", "United Nations Research Institute for Social Development"),
        Research("UNIDIR", "United Nations Institute for Disarmament Research"),
        Research("UNICRI", "United Nations Interregional Crime and Justice Research Institute"),

        // Other entities and bodies
        Other("ICJ", "International Court of Justice"),
        Other("IRMCT", "International Residual Mechanism for Criminal Tribunals"),
        Other("UNJSPF", "United Nations Joint Staff Pension Fund"),
        Other("UNICC", "United Nations International Computing Centre"),
        Other("UNSDG", "United Nations Sustainable Development Group (Resident Coordinator system)"),
    ];

    private static readonly Dictionary<string, UnOrganisation> ByCode = All.ToDictionary(o => o.Code, StringComparer.Ordinal);

    public static UnOrganisation? Find(string? code) =>
        code is not null && ByCode.TryGetValue(code, out var organisation) ? organisation : null;

    /// <summary>The codes whose acronym or full name contains the text, for directory search.</summary>
    public static IReadOnlyList<string> CodesMatching(string text) =>
        All.Where(o => o.Code.Contains(text, StringComparison.OrdinalIgnoreCase) || o.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
            .Select(o => o.Code)
            .ToList();

    private static UnOrganisation Secretariat(string code, string name) => new(code, name, UnOrganisationCategory.Secretariat);

    private static UnOrganisation Fund(string code, string name) => new(code, name, UnOrganisationCategory.FundsAndProgrammes);

    private static UnOrganisation Agency(string code, string name) => new(code, name, UnOrganisationCategory.SpecializedAgencies);

    private static UnOrganisation Related(string code, string name) => new(code, name, UnOrganisationCategory.RelatedOrganizations);

    private static UnOrganisation Regional(string code, string name) => new(code, name, UnOrganisationCategory.RegionalCommissions);

    private static UnOrganisation Research(string code, string name) => new(code, name, UnOrganisationCategory.ResearchAndTraining);

    private static UnOrganisation Other(string code, string name) => new(code, name, UnOrganisationCategory.OtherEntities);
}

namespace Dnd.Host.Limits;

/// <summary>
/// Every size limit of the API in one place; README's limits table lists the same numbers. Past a body limit the
/// answer is 413, past a field limit 422 naming the field.
/// </summary>
public static class ApiLimits
{
    /// <summary>Provider callbacks are a few KiB; a body near this is not one of them.</summary>
    public const int WebhookBodyBytes = 64 * 1024;

    public const int ApiBodyBytes = 256 * 1024;

    /// <summary>A contact CSV upload: HighLevel takes files of up to 30 MB; 100,000 rows with DND columns are about 15 MB.</summary>
    public const int ImportBodyBytes = 50 * 1024 * 1024;

    /// <summary>
    /// The send-message body: an email of <see cref="EmailBodyBytes"/> grows when JSON escapes its quotes and markup,
    /// so its envelope gets room for that; the email itself is still held to <see cref="EmailBodyBytes"/>.
    /// </summary>
    public const int MessageRequestBytes = 2 * EmailBodyBytes;

    public const int NameLength = 255;

    /// <summary>RFC 3696 errata: 64 for the local part, 255 for the domain, and the '@'.</summary>
    public const int EmailLength = 320;

    public const int PhoneLength = 32;

    public const int TagLength = 100;

    public const int TagsPerContact = 100;

    /// <summary>Ten SMS segments, Twilio's own ceiling for one message.</summary>
    public const int SmsCharacters = 1600;

    public const int EmailBodyBytes = 256 * 1024;

    public const int SubjectLength = 998;

    /// <summary>Ids, keys and other short free text (custom field values, sources, search text).</summary>
    public const int TextLength = 1024;

    public const int CustomFieldsPerContact = 100;

    /// <summary>An opt-in or opt-out keyword: one word of a reply, in any language.</summary>
    public const int KeywordLength = 50;

    /// <summary>Keywords in one of an account's lists; each inbound message is matched against them all.</summary>
    public const int KeywordsPerList = 100;

    /// <summary>Entries in an account's own Twilio or Mailgun table (the shipped ones hold 6 and 8).</summary>
    public const int RuleTableEntries = 200;

    /// <summary>Opt-out phrase lists one account keeps, and the size of each (a shipped list is about 8 KB).</summary>
    public const int PhraseLanguages = 20;

    public const int PhraseListBytes = 64 * 1024;

    /// <summary>The highest per-contact, per-channel hourly send cap an account may set.</summary>
    public const int MaxSendCapPerHour = 1000;

    /// <summary>An account id: it appears in webhook URLs and every tenant row.</summary>
    public const int AccountIdLength = 64;

    public const int FiltersPerSearch = 50;

    public const int MaxPageLimit = 500;

    /// <summary>Offset paging reads and discards every row before the page; past this, narrow the filters instead.</summary>
    public const int MaxPagedRecords = 10_000;
}

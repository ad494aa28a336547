namespace Dnd.Rules.Data;

/// <summary>What an inbound message's wording says about opting out, as <see cref="OptOutMatcher"/> reads it.</summary>
public enum OptOutSignal
{
    /// <summary>Nothing that reads as an opt-out (or only inside a guard phrase such as "stop by").</summary>
    None,

    /// <summary>A sentence that is a per-se opt-out word alone ("STOP!!", "stpo 🛑", "baja por favor").</summary>
    Keyword,

    /// <summary>A clear opt-out phrase ("please stop texting me", "dejen de escribirme").</summary>
    Clear,

    /// <summary>A phrase that may be an opt-out ("not interested", "wrong number").</summary>
    Possible,

    /// <summary>An opt-out word inside a sentence that matched no clear phrase and no guard ("I quit").</summary>
    KeywordInSentence,

    /// <summary>A bare refusal ("No", "Enough"): a possible opt-out only when it answers our message.</summary>
    InReplyOnly,
}

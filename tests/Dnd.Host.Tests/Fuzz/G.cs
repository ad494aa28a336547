using FsCheck;
using FsCheck.Fluent;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>Short names for the FsCheck combinators the generators use over and over.</summary>
public static class G
{
    /// <summary>One value drawn from a seed: the same seed and size always give the same value.</summary>
    /// <remarks>FsCheck 3's Sample(a, seed, b) takes the number of samples first and the size last.</remarks>
    public static T One<T>(Gen<T> gen, ulong seed, int size) => gen.Sample(1, new Rnd(seed), size)[0];

    public static Gen<T> Pick<T>(params T[] values) => Gen.Elements(values);

    public static Gen<T> PickFrom<T>(IReadOnlyList<T> values) => Gen.Elements(values.ToArray());

    public static Gen<T> Const<T>(T value) => Gen.Constant(value);

    /// <summary>A value computed only when this branch is drawn: for megabyte bodies that most cases never use.</summary>
    public static Gen<T> Lazy<T>(Func<T> make) => Gen.Constant(0).Select(_ => make());

    public static Gen<T> Freq<T>(params (int Weight, Gen<T> Gen)[] choices) => Gen.Frequency(choices.Where(c => c.Weight > 0).ToArray());

    /// <summary>True with the given chance in percent.</summary>
    public static Gen<bool> Chance(int percent) => Gen.Choose(0, 99).Select(n => n < percent);

    public static Gen<int> Int(int low, int high) => Gen.Choose(low, high);

    /// <summary>A pool element when the pool has any, else the fallback; pools fill up as the server answers.</summary>
    public static Gen<T> PickOr<T>(IReadOnlyList<T> pool, Gen<T> fallback) => pool.Count == 0 ? fallback : PickFrom(pool);

    /// <summary>A list of n values, each drawn independently.</summary>
    public static Gen<List<T>> Many<T>(Gen<T> gen, int low, int high) =>
        Int(low, high).SelectMany(n => Gen.CollectToList(Enumerable.Range(0, n).Select(_ => gen)));

    /// <summary>Lowercase letters and digits: ids, tokens and names that need no escaping.</summary>
    public static Gen<string> Alnum(int low, int high) =>
        Many(Pick("abcdefghijklmnopqrstuvwxyz0123456789".ToCharArray()), low, high).Select(cs => new string(cs.ToArray()));

    public static Gen<string> Digits(int count) =>
        Many(Pick("0123456789".ToCharArray()), count, count).Select(cs => new string(cs.ToArray()));
}

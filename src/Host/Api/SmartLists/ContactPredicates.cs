using System.Linq.Expressions;
using Dnd.Crm.Persistence;

namespace Dnd.Host.Api.SmartLists;

/// <summary>Joins contact predicates with AND, OR and NOT into one lambda EF translates as a single WHERE.</summary>
internal static class ContactPredicates
{
    public static Expression<Func<ContactRecord, bool>> All(IReadOnlyList<Expression<Func<ContactRecord, bool>>> parts) =>
        Join(parts, Expression.AndAlso, whenNone: true);

    public static Expression<Func<ContactRecord, bool>> Any(IReadOnlyList<Expression<Func<ContactRecord, bool>>> parts) =>
        Join(parts, Expression.OrElse, whenNone: false);

    public static Expression<Func<ContactRecord, bool>> Not(Expression<Func<ContactRecord, bool>> e) =>
        Expression.Lambda<Func<ContactRecord, bool>>(Expression.Not(e.Body), e.Parameters);

    /// <summary>A test of one of the contact's values, e.g. Of(c => c.FirstName, s => s == "x") is c => c.FirstName == "x".</summary>
    public static Expression<Func<ContactRecord, bool>> Of<T>(Expression<Func<ContactRecord, T>> value, Expression<Func<T, bool>> test) =>
        Expression.Lambda<Func<ContactRecord, bool>>(new Replace(test.Parameters[0], value.Body).Visit(test.Body)!, value.Parameters);

    private static Expression<Func<ContactRecord, bool>> Join(IReadOnlyList<Expression<Func<ContactRecord, bool>>> parts,
        Func<Expression, Expression, BinaryExpression> join, bool whenNone)
    {
        if (parts.Count == 0)
        {
            return whenNone ? _ => true : _ => false;
        }
        var c = parts[0].Parameters[0];
        var body = parts[0].Body;
        foreach (var part in parts.Skip(1))
        {
            body = join(body, new Replace(part.Parameters[0], c).Visit(part.Body)!);
        }
        return Expression.Lambda<Func<ContactRecord, bool>>(body, c);
    }

    private sealed class Replace(Expression from, Expression to) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node) => node == from ? to : base.Visit(node);
    }
}

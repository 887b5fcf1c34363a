using System.Linq.Expressions;
using System.Reflection;

namespace CollabHub.Web.Infrastructure.Data;

/// <summary>
/// Lets a query expression use another expression (a projection or a rule) inside it, written once: call
/// <c>rule.Apply(…)</c> in the query's lambda and pass the lambda through <see cref="Inline{TDelegate}"/>, which puts the
/// rule's body in place of the call with its parameters bound to the call's arguments. EF Core cannot translate a call
/// to a delegate or to a method that builds a query, so without this a projection used inside another one, or a rule
/// used by a compiled query (<c>EF.CompileAsyncQuery</c>), had to be written out a second time.
/// </summary>
public static class QueryRule
{
    /// <summary>Marks where <paramref name="rule"/> applies; never runs (see <see cref="Inline{TDelegate}"/>).</summary>
    public static TResult Apply<T, TResult>(this Expression<Func<T, TResult>> rule, T argument) =>
        throw new InvalidOperationException($"{nameof(Apply)} marks an expression to inline; pass the query through {nameof(Inline)}.");

    /// <summary>Marks where <paramref name="rule"/> applies; never runs (see <see cref="Inline{TDelegate}"/>).</summary>
    public static TResult Apply<T1, T2, TResult>(this Expression<Func<T1, T2, TResult>> rule, T1 first, T2 second) =>
        throw new InvalidOperationException($"{nameof(Apply)} marks an expression to inline; pass the query through {nameof(Inline)}.");

    /// <summary>Marks where <paramref name="rule"/> applies; never runs (see <see cref="Inline{TDelegate}"/>).</summary>
    public static TResult Apply<T1, T2, T3, TResult>(this Expression<Func<T1, T2, T3, TResult>> rule, T1 first, T2 second, T3 third) =>
        throw new InvalidOperationException($"{nameof(Apply)} marks an expression to inline; pass the query through {nameof(Inline)}.");

    /// <summary>Marks where <paramref name="rule"/> applies; never runs (see <see cref="Inline{TDelegate}"/>).</summary>
    public static TResult Apply<T1, T2, T3, T4, TResult>(this Expression<Func<T1, T2, T3, T4, TResult>> rule, T1 first, T2 second, T3 third, T4 fourth) =>
        throw new InvalidOperationException($"{nameof(Apply)} marks an expression to inline; pass the query through {nameof(Inline)}.");

    /// <summary>Marks where <paramref name="rule"/> applies; never runs (see <see cref="Inline{TDelegate}"/>).</summary>
    public static TResult Apply<T1, T2, T3, T4, T5, TResult>(
        this Expression<Func<T1, T2, T3, T4, T5, TResult>> rule, T1 first, T2 second, T3 third, T4 fourth, T5 fifth) =>
        throw new InvalidOperationException($"{nameof(Apply)} marks an expression to inline; pass the query through {nameof(Inline)}.");

    /// <summary>
    /// <paramref name="query"/> with every <c>Apply</c> replaced by the applied expression's body. The applied expression
    /// is read from the field or property the call names (a static one, or a captured local).
    /// </summary>
    public static Expression<TDelegate> Inline<TDelegate>(Expression<TDelegate> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return (Expression<TDelegate>)new Inliner().Visit(query);
    }

    private sealed class Inliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(QueryRule) || node.Method.Name != nameof(Apply))
            {
                return base.VisitMethodCall(node);
            }

            var rule = Read(node.Arguments[0]) as LambdaExpression
                ?? throw new InvalidOperationException($"'{node.Arguments[0]}' is not set yet: a static rule must be declared before a static query that inlines it.");
            var bindings = new Dictionary<ParameterExpression, Expression>();
            for (var i = 0; i < rule.Parameters.Count; i++)
            {
                bindings[rule.Parameters[i]] = Visit(node.Arguments[i + 1]);
            }

            // The rule's own body may apply further rules.
            return Visit(new Binder(bindings).Visit(rule.Body));
        }

        private static object Read(Expression expression) => expression switch
        {
            ConstantExpression constant => constant.Value!,
            MemberExpression { Member: FieldInfo field } member => field.GetValue(member.Expression is null ? null : Read(member.Expression))!,
            MemberExpression { Member: PropertyInfo property } member => property.GetValue(member.Expression is null ? null : Read(member.Expression))!,
            _ => throw new NotSupportedException($"Apply needs the expression from a field, a property or a captured local, not '{expression}'."),
        };
    }

    private sealed class Binder(Dictionary<ParameterExpression, Expression> bindings) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            bindings.TryGetValue(node, out var bound) ? bound : node;
    }
}

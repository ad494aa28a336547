using Dnd.Crm.Integrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Dnd.Crm.Delivery;

public static class DeliveryServices
{
    /// <summary>
    /// The providers' transports behind the outbox. Each HTTP provider's client retries only what the provider surely did
    /// not take (429 and 503, honouring Retry-After, with exponential jittered backoff), times out, and goes through a
    /// circuit breaker per account and provider, so one account's broken credentials or a provider's outage does not
    /// slow every other account's messages.
    /// </summary>
    public static IServiceCollection AddDndDelivery(this IServiceCollection services)
    {
        foreach (var provider in new[] { IntegrationProviders.Twilio, IntegrationProviders.Mailgun, IntegrationProviders.Meta })
        {
            services.AddHttpClient(provider).AddResilienceHandler($"{provider}-delivery", Pipeline).SelectPipelineBy(_ => DeliveryCalls.CircuitOf);
        }
        services.AddSingleton<IProviderTransport, TwilioTransport>();
        services.AddSingleton<IProviderTransport, MailgunTransport>();
        services.AddSingleton<IProviderTransport, SmtpTransport>();
        services.AddSingleton<IProviderTransport, MetaTransport>();
        services.AddSingleton<IMessageTransport, ProviderTransports>();
        return services;
    }

    /// <summary>The longest Retry-After a hand-over waits for in place; longer ones send the message back to the queue.</summary>
    private static readonly TimeSpan MaxInlineWait = TimeSpan.FromSeconds(2);

    private static void Pipeline(ResiliencePipelineBuilder<HttpResponseMessage> pipeline)
    {
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
            ShouldRetryAfterHeader = true,
            // A POST that may have reached the provider is never repeated here: the outbox looks it up first. A long
            // Retry-After is not slept through here either: the outbox puts the message back with that wait.
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } response && ProviderResponses.NotTaken(response)
                    && (response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero) <= MaxInlineWait
                || args.Outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }),
        });
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = 10,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(15),
        });
        pipeline.AddTimeout(TimeSpan.FromSeconds(20));
    }
}

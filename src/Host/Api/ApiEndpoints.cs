using Dnd.Host.Api.Accounts;
using Dnd.Host.Api.BulkDnd;
using Dnd.Host.Api.Contacts;
using Dnd.Host.Api.Erasure;
using Dnd.Host.Api.Conversations;
using Dnd.Host.Api.Exports;
using Dnd.Host.Api.Forms;
using Dnd.Host.Api.Imports;
using Dnd.Host.Api.Integrations;
using Dnd.Host.Api.Jobs;
using Dnd.Host.Api.Reviews;
using Dnd.Host.Api.SmartLists;
using Dnd.Host.Api.Subscriptions;
using Dnd.Host.Api.Workflows;
using Dnd.Host.Auth;

namespace Dnd.Host.Api;

public static class ApiEndpoints
{
    /// <summary>The HighLevel-compatible API, every route behind an account's API key.</summary>
    public static WebApplication MapDndApi(this WebApplication app)
    {
        var api = app.MapGroup("").RequireApiKey();
        api.MapContactEndpoints();
        api.MapErasureEndpoints();
        api.MapContactSearchEndpoints();
        api.MapAddressConsentEndpoints();
        api.MapConsentProofEndpoints();
        api.MapContactImportEndpoints();
        api.MapContactExportEndpoints();
        api.MapLedgerExportEndpoints();
        api.MapContactWorkflowEndpoints();
        api.MapMessageEndpoints();
        // What the designer calls: opened from the operator app it has the person's cookie, not a key.
        var designer = api.MapGroup("").AcceptOperatorSession();
        designer.MapWorkflowEndpoints();
        designer.MapWorkflowLifecycleEndpoints();
        designer.MapWorkflowTemplateEndpoints();
        api.MapSmartListEndpoints();
        api.MapFormEndpoints();
        api.MapAccountSettingsEndpoints();
        api.MapComplianceEndpoints();
        api.MapIntegrationEndpoints();
        api.MapWebhookSubscriptionEndpoints();
        api.MapOptOutReviewEndpoints();
        api.MapJobEndpoints();
        api.MapBulkDndEndpoints();
        Reports.ReportEndpoints.MapReportEndpoints(api);
        app.MapAdminEndpoints();
        return app;
    }
}

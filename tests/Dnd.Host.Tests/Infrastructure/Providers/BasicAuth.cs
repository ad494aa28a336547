using System.Text;

namespace Dnd.Host.Tests.Infrastructure.Providers;

public static class BasicAuth
{
    public static string Header(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
}

namespace Dnd.Host.Api.Reports;

/// <summary>How a report's range is cut: by day, or by week (Monday to Sunday) once days would be too many to read.</summary>
public enum ReportPeriod
{
    Day,
    Week,
}

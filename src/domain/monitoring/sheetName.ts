/** The consolidated monitoring sheet's name (kept beside the monitoring code; SHEET lists the forms' sheets). */
export const SHEET_MONITORING_CONSOLIDATED = 'Мониторинг Свод';

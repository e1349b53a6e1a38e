package com.lakeshore.mycare.data.prefs

import android.content.Context
import android.content.SharedPreferences
import com.lakeshore.mycare.data.model.Patient

/**
 * Remembers the last chart the user opened so that the home screen can offer "continue where you left off"
 * without a network round trip.
 */
class LastChartStore(context: Context) {

    private val prefs: SharedPreferences =
        context.getSharedPreferences("last_chart", Context.MODE_PRIVATE)

    fun remember(patient: Patient) {
        prefs.edit()
            .putString("patient_id", patient.id)
            .putString("patient_name", patient.displayName)
            .putString("mrn", patient.mrn)
            .putString("primary_diagnosis", patient.primaryDiagnosis)
            .putLong("opened_at", System.currentTimeMillis())
            .apply()
    }

    fun lastPatientId(): String? = prefs.getString("patient_id", null)

    fun clear() = prefs.edit().clear().apply()
}

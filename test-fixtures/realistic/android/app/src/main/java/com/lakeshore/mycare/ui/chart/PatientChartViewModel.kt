package com.lakeshore.mycare.ui.chart

import android.util.Log
import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import com.lakeshore.mycare.data.ChartRepository
import com.lakeshore.mycare.data.model.Patient
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.launch

private const val TAG = "PatientChartVM"

class PatientChartViewModel(private val repository: ChartRepository) : ViewModel() {

    private val _patient = MutableStateFlow<Patient?>(null)
    val patient: StateFlow<Patient?> = _patient

    fun load(patientId: String) {
        viewModelScope.launch {
            val loaded = repository.patient(patientId)
            Log.d(TAG, "loaded patient: $loaded")
            _patient.value = loaded
            Log.i(TAG, "chart ready for $patientId (${loaded.allergies.size} allergies)")
        }
    }

    fun onMedicationsFailed(patient: Patient, error: Throwable) {
        Log.e(TAG, "medications failed for ${patient.displayName}, meds=${patient.medications}", error)
        Log.w(TAG, "medications failed", error)
    }
}

package com.lakeshore.mycare.sync

import android.content.Context
import androidx.core.content.edit
import androidx.preference.PreferenceManager
import androidx.work.CoroutineWorker
import androidx.work.WorkerParameters
import com.lakeshore.mycare.data.ChartRepository
import timber.log.Timber

class VitalsSyncWorker(context: Context, params: WorkerParameters, private val charts: ChartRepository) :
    CoroutineWorker(context, params) {

    private val prefs = PreferenceManager.getDefaultSharedPreferences(context)

    override suspend fun doWork(): Result {
        val pending = charts.pendingVitals()
        Timber.i("syncing %d readings", pending.size)
        for (reading in pending) {
            val ok = charts.upload(reading)
            if (!ok) {
                Timber.w("upload failed for reading %s of patient %s", reading.id, reading.patient)
                prefs.edit { putString("last_failed_vitals", reading.toString()) }
                return Result.retry()
            }
        }
        prefs.edit { putLong("last_vitals_sync", System.currentTimeMillis()) }
        return Result.success()
    }
}

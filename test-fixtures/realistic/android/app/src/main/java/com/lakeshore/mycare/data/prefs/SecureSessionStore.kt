package com.lakeshore.mycare.data.prefs

import android.content.Context
import androidx.security.crypto.EncryptedSharedPreferences
import androidx.security.crypto.MasterKey
import com.lakeshore.mycare.data.model.Patient

/** The signed-in patient's own profile, shown offline: kept in encrypted preferences. */
class SecureSessionStore(context: Context) {

    private val masterKey = MasterKey.Builder(context)
        .setKeyScheme(MasterKey.KeyScheme.AES256_GCM)
        .build()

    private val prefs = EncryptedSharedPreferences.create(
        context,
        "session",
        masterKey,
        EncryptedSharedPreferences.PrefKeyEncryptionScheme.AES256_SIV,
        EncryptedSharedPreferences.PrefValueEncryptionScheme.AES256_GCM,
    )

    fun saveProfile(patient: Patient) {
        prefs.edit()
            .putString("name", patient.displayName)
            .putString("birth_date", patient.birthDate.toString())
            .putString("nhs_number", patient.nhsNumber)
            .apply()
    }
}

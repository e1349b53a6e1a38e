package com.northwindhealth.portal.data

import android.content.Context
import android.util.Log
import androidx.room.Room
import androidx.security.crypto.EncryptedSharedPreferences
import androidx.security.crypto.MasterKey
import net.zetetic.database.sqlcipher.SupportOpenHelperFactory

private const val TAG = "SecureChartCache"

class SecureChartCache(private val context: Context, private val passphrase: ByteArray) {
    private val masterKey = MasterKey.Builder(context).setKeyScheme(MasterKey.KeyScheme.AES256_GCM).build()

    fun remember(patientId: String, diagnosis: String) {
        Log.d(TAG, "caching chart of $patientId")
        val prefs = EncryptedSharedPreferences.create(
            context, "chart", masterKey,
            EncryptedSharedPreferences.PrefKeyEncryptionScheme.AES256_SIV,
            EncryptedSharedPreferences.PrefValueEncryptionScheme.AES256_GCM,
        )
        prefs.edit().putString("diagnosis", diagnosis).apply()
    }

    fun database(): PortalDatabase =
        Room.databaseBuilder(context, PortalDatabase::class.java, "portal.db")
            .openHelperFactory(SupportOpenHelperFactory(passphrase))
            .build()

    fun settings() = context.getSharedPreferences("settings", Context.MODE_PRIVATE)
}

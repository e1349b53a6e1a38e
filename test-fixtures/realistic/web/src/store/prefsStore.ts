import { combineReducers, configureStore } from '@reduxjs/toolkit';
import { persistReducer } from 'redux-persist';
import storage from 'redux-persist/lib/storage';
import { encryptTransform } from 'redux-persist-transform-encrypt';
import layoutReducer from './layoutSlice';
import triageReducer from './triageSlice';

// The kiosk build keeps the layout in the clear and the triage queue (symptoms, priorities) encrypted.
const layout = persistReducer({ key: 'kiosk-layout', storage }, layoutReducer);
const triage = persistReducer(
  { key: 'kiosk-triage', storage, transforms: [encryptTransform({ secretKey: window.__KIOSK_KEY__ })] },
  triageReducer,
);

export const kioskStore = configureStore({ reducer: combineReducers({ layout, triage }) });

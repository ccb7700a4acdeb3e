; Inno Setup script: the HoaNhap installer (HoaNhap-<version>-setup.exe).
;
; Built by `python installer/build.py` on Windows when ISCC.exe is found, which passes
; /DAppVersion=<desktop.__version__> /DSourceDir=<the PyInstaller folder> /DOutputDir=<dist>.
; By hand:  ISCC /DAppVersion=0.1.0 installer\hoanhap.iss   (after build.py made dist\HoaNhap)
;
; The bundle holds two programs sharing one _internal\ folder (installer/hoanhap.spec):
; HoaNhap.exe, the window program (the only one with shortcuts), and hoanhap-cli.exe, the
; console program for the commands, run from a Command Prompt by its full path, e.g.
;   "C:\Program Files\HoaNhap\hoanhap-cli.exe" backup --db ... --out ...
; The install folder is deliberately not added to PATH: offices use the screens, and a
; technician types the path once.
;
; USER DATA IS NEVER TOUCHED. The office database, its automatic backups and the logs live
; in the per-user data folder {localappdata}\HoaNhap (%LOCALAPPDATA%\HoaNhap), which
; desktop/config.py chooses and this installer neither creates nor removes. There is
; deliberately no [UninstallDelete] section: uninstalling removes the program files in
; {app} only, and an upgrade installs over {app} only, so the database survives both.
; Anyone editing this file: never add an entry naming {localappdata}, {userappdata} or
; a data file — an uninstall that deletes a commune's records cannot be undone.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\dist\HoaNhap"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif

; Inno Setup's official Languages folder gained a Vietnamese.isl only recently (older
; versions have it among the unofficial translations, which are not installed). Use it
; when this compiler ships it; otherwise the installer is in English — the application
; itself is Vietnamese either way.
#if FileExists(AddBackslash(CompilerPath) + "Languages\Vietnamese.isl")
  #define HaveVietnamese
#endif

[Setup]
; Fixed forever: Windows recognises an upgrade by this AppId (same id = install in place,
; keeping the chosen folder and shortcuts). Never change it, never reuse it elsewhere.
AppId={{99372211-766F-4E46-8E8E-769085ACC806}
AppName=HoaNhap
AppVersion={#AppVersion}
AppVerName=HoaNhap {#AppVersion}
AppPublisher=HoaNhap
VersionInfoVersion={#AppVersion}
VersionInfoProductName=HoaNhap
VersionInfoDescription=HoaNhap (Hoa Nhap) installer
; Per machine, in Program Files: every Windows account on the office PC gets the program;
; each account still keeps its own data folder.
PrivilegesRequired=admin
DefaultDirName={autopf}\HoaNhap
DefaultGroupName=HoaNhap
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Windows 10 or 11 (Qt 6 supports nothing older).
MinVersion=10.0
; Upgrading while HoaNhap is open: close it (Restart Manager asks it to quit, so its
; database is closed cleanly) rather than replace files under a running program.
CloseApplications=yes
RestartApplications=no
SetupIconFile=..\resources\icons\hoanhap.ico
UninstallDisplayIcon={app}\HoaNhap.exe
UninstallDisplayName=HoaNhap
OutputDir={#OutputDir}
OutputBaseFilename=HoaNhap-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
; 32 MB instead of lzma2/max's 8 MB: HoaNhap.exe and hoanhap-cli.exe each carry the same
; ~20 MB archive of Python modules (installer/hoanhap.spec); with a dictionary larger than
; that and the two stored one after the other ([Files]), the second copy costs a few KB of
; the installer instead of ~19 MB. Setup needs 32 MB of memory to unpack, the build ~360 MB.
LZMADictionarySize=32768
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
#ifdef HaveVietnamese
; First, so that it is also the choice on a Windows whose language matches neither.
Name: "vietnamese"; MessagesFile: "compiler:Languages\Vietnamese.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.SelfTestRunning=Checking that HoaNhap works on this computer...
english.SelfTestFailed=HoaNhap was installed, but its self-test found a problem on this computer.%n%nThe details are in:%n%1%n%nPlease send this file to whoever supports HoaNhap for your unit.
#ifdef HaveVietnamese
vietnamese.SelfTestRunning=Đang kiểm tra HoaNhap chạy được trên máy này...
vietnamese.SelfTestFailed=HoaNhap đã được cài đặt, nhưng bước tự kiểm tra phát hiện lỗi trên máy này.%n%nChi tiết ở tệp:%n%1%n%nHãy gửi tệp này cho người hỗ trợ HoaNhap của đơn vị.
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; Program files only: the previous version's bundled libraries, so that an upgrade never
; mixes two versions' DLLs. {app} never holds user data (see the top of this file).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; The two programs first and together (see LZMADictionarySize), then everything else.
Source: "{#SourceDir}\HoaNhap.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#SourceDir}\hoanhap-cli.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#SourceDir}\*"; Excludes: "\HoaNhap.exe,\hoanhap-cli.exe"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; The window program only: hoanhap-cli.exe started from a shortcut would open the GUI with a
; black console behind it.
Name: "{autoprograms}\HoaNhap"; Filename: "{app}\HoaNhap.exe"
Name: "{autodesktop}\HoaNhap"; Filename: "{app}\HoaNhap.exe"; Tasks: desktopicon

[Run]
; As the user who started the installer, not the elevated account: the data folder is
; per user, and the first start creates it in that user's profile.
Filename: "{app}\HoaNhap.exe"; Description: "{cm:LaunchProgram,HoaNhap}"; Flags: nowait postinstall skipifsilent runasoriginaluser

[Code]
// Before anyone opens it, the installed program proves itself on this PC — its DLLs, its
// antivirus, its locale — with the same `--self-test` the build ran on the bundle. It
// works in a temporary folder only. The windowed HoaNhap.exe runs it, not hoanhap-cli.exe:
// having no console it writes its lines to %LOCALAPPDATA%\HoaNhap\Logs\tu-kiem-tra.txt,
// the file the failure message names (build.py checks this windowless run too).
procedure CurStepChanged(CurStep: TSetupStep);
var
  ResultCode: Integer;
  Report: String;
begin
  if CurStep = ssPostInstall then
  begin
    WizardForm.StatusLabel.Caption := CustomMessage('SelfTestRunning');
    Report := ExpandConstant('{localappdata}\HoaNhap\Logs\tu-kiem-tra.txt');
    if (not ExecAsOriginalUser(ExpandConstant('{app}\HoaNhap.exe'), '--self-test', '',
        SW_HIDE, ewWaitUntilTerminated, ResultCode)) or (ResultCode <> 0) then
      SuppressibleMsgBox(FmtMessage(CustomMessage('SelfTestFailed'), [Report]),
        mbError, MB_OK, IDOK);
  end;
end;
